/** Every edit to a journey document, as a pure function (doc, args) → doc. */
export {
  addOpportunity,
  addSystem,
  deleteOpportunity,
  deleteSystem,
  type MetaPatch,
  type OpportunityPatch,
  type SystemPatch,
  updateMeta,
  updateOpportunity,
  updateSystem,
} from './blueprint';
export {
  addCard,
  type CardPatch,
  clearEmotion,
  deleteCard,
  type EvidenceChange,
  moveCard,
  setEmotion,
  setEvidence,
  updateCard,
} from './cards';
export { CommandError } from './command-error';
export { addKpi, addMappedStep, deleteKpi, updateKpi } from './evidence';
export {
  addLane,
  addStage,
  addStep,
  deleteLane,
  deleteStage,
  deleteStep,
  hideLane,
  hideStage,
  hideStep,
  moveLane,
  moveStage,
  moveStep,
  renameLane,
  renameStage,
  renameStep,
  setStageGoal,
  setStepActivities,
  setStepDescription,
  setStepOptional,
} from './structure';

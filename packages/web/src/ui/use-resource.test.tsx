import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { useResource } from './use-resource';

afterEach(cleanup);

/** A loader whose calls the test resolves by hand, recording each call's signal. */
function manual<T>() {
  const calls: { signal: AbortSignal; resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  const load = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
    });
  return { calls, load };
}

describe('useResource', () => {
  it('aborts the running request when the deps change, and drops its late answer', async () => {
    const { calls, load } = manual<string>();
    const { result, rerender } = renderHook(({ id }) => useResource(load, [id]), {
      initialProps: { id: 'a' },
    });
    expect(calls).toHaveLength(1);
    rerender({ id: 'b' });
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(calls[1]?.signal.aborted).toBe(false);
    await act(async () => {
      calls[0]?.resolve('stale');
      calls[1]?.resolve('fresh');
    });
    expect(result.current.data).toBe('fresh');
    expect(result.current.loading).toBe(false);
  });

  it('aborts on unmount', () => {
    const { calls, load } = manual<string>();
    const { unmount } = renderHook(() => useResource(load, []));
    unmount();
    expect(calls[0]?.signal.aborted).toBe(true);
  });

  it('keeps the last data while a reload runs; errors come in one shape', async () => {
    const { calls, load } = manual<string>();
    const { result } = renderHook(() => useResource(load, []));
    await act(async () => calls[0]?.resolve('first'));
    act(() => result.current.reload());
    expect(result.current).toMatchObject({ data: 'first', loading: true });
    await act(async () => calls[1]?.reject(new TypeError('boom')));
    expect(result.current.data).toBe('first');
    expect(result.current.error).toBeInstanceOf(ApiError);
    expect(result.current.error).toMatchObject({ status: 0, detail: 'boom' });
    const problem = new ApiError({ status: 422, title: 'Invalid' });
    act(() => result.current.reload());
    await act(async () => calls[2]?.reject(problem));
    expect(result.current.error).toBe(problem);
  });

  it('carries the suppression of an answer that has one', async () => {
    const { calls, load } = manual<object>();
    const { result } = renderHook(() => useResource(load, []));
    expect(result.current.privacy).toBeNull();
    await act(async () =>
      calls[0]?.resolve({
        rows: [],
        omitted: { split: 2 },
        suppression: { applied: true, threshold: 10, rounding: 5, smallPopulation: false },
      }),
    );
    expect(result.current.privacy).toEqual({
      applied: true,
      rounding: 5,
      smallPopulation: false,
      omitted: { split: 2 },
    });
  });

  it('loads nothing while disabled and clears what it had', async () => {
    const { calls, load } = manual<string>();
    const { result, rerender } = renderHook(({ on }) => useResource(load, [], { enabled: on }), {
      initialProps: { on: false },
    });
    expect(calls).toHaveLength(0);
    expect(result.current.loading).toBe(false);
    rerender({ on: true });
    await act(async () => calls[0]?.resolve('x'));
    expect(result.current.data).toBe('x');
    rerender({ on: false });
    await waitFor(() => expect(result.current.data).toBeUndefined());
  });
});

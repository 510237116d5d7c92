import type { CallInput, CallOutput } from '@jingzhun/client';
import type { RouteContract } from '@jingzhun/types';
import { QueryClient, type UseQueryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api.js';

/**
 * Data fetching over the typed client. The client itself retries lost connections, 429 and 5xx
 * with backoff (and shows it in the status line); the query layer adds caching and refetch on
 * focus, and never retries what the server refused (4xx): the answer would be the same.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 1,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});

type AnyContract = RouteContract;
type Input = { params?: unknown; query?: unknown; body?: unknown };

/** The cache key of a contract call: the contract's id and its input. */
export function callKey(contract: AnyContract, input?: Input): unknown[] {
  return [contract.id, input?.params ?? null, input?.query ?? null];
}

/**
 * A read through a contract: `useCall(identificationApi.listHouseholds, { query: { region } })`.
 * `enabled: false` (e.g. until a household is picked) makes no request.
 */
export function useCall<C extends AnyContract>(contract: C, input: CallInput<C> | undefined, options: Omit<UseQueryOptions<CallOutput<C>, ApiError>, 'queryKey' | 'queryFn'> = {}) {
  return useQuery<CallOutput<C>, ApiError>({
    queryKey: callKey(contract, input as Input | undefined),
    // biome-ignore lint/suspicious/noExplicitAny: the input is the contract's own CallInput, checked by the client before sending
    queryFn: () => (api().call as any)(contract, input ?? {}),
    ...options,
  });
}

/**
 * A write through a contract. On success the cached reads named in `invalidates` (contracts) are
 * refetched, so the page shows what the server now holds, never a guess.
 */
export function useCallMutation<C extends AnyContract, V = CallInput<C>>(contract: C, toInput: (values: V) => CallInput<C>, invalidates: AnyContract[] = []) {
  const client = useQueryClient();
  return useMutation<CallOutput<C>, ApiError, V>({
    // biome-ignore lint/suspicious/noExplicitAny: as in useCall
    mutationFn: (values) => (api().call as any)(contract, { retries: 0, ...toInput(values) }),
    onSuccess: async () => {
      await Promise.all(invalidates.map((c) => client.invalidateQueries({ queryKey: [c.id] })));
    },
  });
}

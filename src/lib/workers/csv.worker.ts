// CSV import module worker: thin glue from postMessage to CsvWorkerHost (all logic lives in domain/csv/session.ts).
/// <reference lib="webworker" />
import { CsvWorkerHost } from '$lib/domain/csv/session';
import type { CsvRequest } from './csv.protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new CsvWorkerHost((msg, transfer) => scope.postMessage(msg, transfer ?? []));

scope.onmessage = (e: MessageEvent<CsvRequest>) => {
	void host.receive(e.data);
};

// Short confirmations ("moved to the trash") announced politely, each optionally with one action such as Undo.
export type Toast = { id: number; text: string; action?: { label: string; run: () => void } };

export class Toasts {
	list = $state<Toast[]>([]);
	#next = 1;

	show(text: string, action?: Toast['action'], ms = 6000): void {
		const id = this.#next++;
		this.list = [...this.list, { id, text, action }];
		setTimeout(() => this.dismiss(id), ms);
	}

	dismiss(id: number): void {
		this.list = this.list.filter((t) => t.id !== id);
	}
}

export const toasts = new Toasts();

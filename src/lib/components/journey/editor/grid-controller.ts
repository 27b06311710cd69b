// What a grid cell and its cards call back into: one object per grid so cells take a single prop.
import type { Card } from '$lib/domain/journey';
import type { Cell, EditorUi } from './editor-ui.svelte';

export interface GridController {
	ui: EditorUi;
	readOnly: () => boolean;
	touchpointName: (id: string | null) => string | null;
	linkCount: (card: Card) => number;
	text: (id: string, text: string) => void;
	stopEdit: (id: string, how: 'escape' | 'blur' | 'enter') => void;
	cardPointerDown: (e: PointerEvent, card: Card) => void;
	cardClick: (e: MouseEvent, card: Card) => void;
	cardDblClick: (e: MouseEvent, card: Card) => void;
	cardKey: (e: KeyboardEvent, card: Card) => void;
	cellKey: (e: KeyboardEvent, cell: Cell) => void;
	cellClick: (e: MouseEvent, cell: Cell) => void;
	cellFocus: (cell: Cell) => void;
}

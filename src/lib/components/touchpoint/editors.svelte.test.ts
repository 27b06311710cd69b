import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { setupI18n } from '$lib/i18n';
import type { ProcessStep, Standard } from '$lib/domain/touchpoint';
import ProcessEditor from './ProcessEditor.svelte';
import StandardEditor from './StandardEditor.svelte';

const steps: ProcessStep[] = [
	{ id: 'a', who: 'Agent', what: 'Note the issue', expectedTime: { value: 2, unit: 'min' } },
	{ id: 'b', who: 'Agent', what: 'Greet', expectedTime: { value: 5, unit: 's' } }
];

describe('standard process editor', () => {
	it('moves a step with the arrow keys on its handle and shows the total time', async () => {
		setupI18n('en');
		const onchange = vi.fn();
		render(ProcessEditor, { steps, readOnly: false, onchange });
		expect(screen.getByTestId('process-total')).toHaveTextContent('2 min 5 s');
		screen.getByRole('button', { name: 'Step 2 of 2: move' }).focus();
		await userEvent.keyboard('{ArrowUp}');
		expect(onchange).toHaveBeenCalledTimes(1);
		expect(onchange.mock.calls[0][0].map((s: ProcessStep) => s.id)).toEqual(['b', 'a']);
	});

	it('ignores an impossible expected time instead of saving it', async () => {
		setupI18n('en');
		const onchange = vi.fn();
		render(ProcessEditor, { steps, readOnly: false, onchange });
		const time = screen.getByLabelText('Step 1: expected time');
		await userEvent.clear(time);
		expect(onchange.mock.calls.at(-1)![0][0].expectedTime).toBeNull();
		await userEvent.type(time, '-3');
		expect(onchange.mock.calls.every((c) => c[0][0].expectedTime === null || c[0][0].expectedTime.value >= 0)).toBe(true);
	});
});

describe('service standard editor', () => {
	const st: Standard = {
		id: 's1',
		dimension: 'timeliness',
		metric: 'answer time',
		text: 'Answer within 20 s',
		target: { op: 'lte', value: 20, max: null, unit: 's' },
		check: null,
		measurements: [{ date: '2026-05-01', value: 30, unit: null }]
	};

	it('says in words why a standard misses its target, not by colour alone', () => {
		setupI18n('en');
		render(StandardEditor, { standard: st, readOnly: false, onchange: vi.fn(), onremove: vi.fn() });
		expect(screen.getByTestId('standard')).toHaveAttribute('data-status', 'red');
		expect(screen.getAllByText('Misses target')[0]).toBeVisible();
		expect(screen.getByTestId('status-reason')).toHaveTextContent('Latest 30 s');
		expect(screen.getByTestId('status-reason')).toHaveTextContent('target ≤ 20 s');
		expect(screen.getByText('Say how this standard is audited.')).toBeInTheDocument();
	});

	it('adds a measurement (one per day) and refuses a range whose upper bound is below the lower', async () => {
		setupI18n('en');
		const onchange = vi.fn();
		render(StandardEditor, { standard: st, readOnly: false, onchange, onremove: vi.fn() });
		await userEvent.clear(screen.getByLabelText('Date'));
		await userEvent.type(screen.getByLabelText('Date'), '2026-05-01');
		await userEvent.type(screen.getByLabelText(/Measured value/), '19');
		await userEvent.click(screen.getByRole('button', { name: 'Add measurement' }));
		const saved: Standard = onchange.mock.calls.at(-1)![0];
		expect(saved.measurements).toEqual([{ date: '2026-05-01', value: 19, unit: null }]);

		onchange.mockClear();
		await userEvent.selectOptions(screen.getByLabelText('Operator'), 'range');
		await userEvent.type(screen.getByLabelText('Target max'), '5');
		expect(screen.getByRole('alert')).toHaveTextContent('upper value');
		expect(
			onchange.mock.calls.every((c) => c[0].target === null || c[0].target.op !== 'range' || c[0].target.max >= c[0].target.value)
		).toBe(true);
	});
});

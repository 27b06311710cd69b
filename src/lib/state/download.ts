// Save a text or blob as a file through the browser's download (nothing leaves the device).
export function downloadFile(name: string, data: string | Blob, type = 'application/json'): void {
	const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "cx-studio-backup-港湾茶舍-2026-11-22.json": safe for every file system. */
export function backupFileName(label: string, now = new Date()): string {
	const safe =
		label
			.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
			.replace(/\s+/g, '-')
			.slice(0, 60) || 'all';
	return `cx-studio-backup-${safe}-${now.toISOString().slice(0, 10)}.json`;
}

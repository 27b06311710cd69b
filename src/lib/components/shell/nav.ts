// The product's areas in the order the menu shows them; an area appears only once it works (`available`).
import type { MessageKey } from '$lib/i18n';
import type { IconName } from '../ui/Icon.svelte';

export type NavItem = { href: string; label: MessageKey; icon: IconName; available: boolean; group: 'design' | 'analyse' | 'admin' };

export const NAV: NavItem[] = [
	{ href: '/', label: 'nav.home', icon: 'home', available: true, group: 'design' },
	{ href: '/journeys', label: 'nav.journeys', icon: 'journeys', available: true, group: 'design' },
	{ href: '/touchpoints', label: 'nav.touchpoints', icon: 'touchpoints', available: true, group: 'design' },
	{ href: '/personas', label: 'nav.personas', icon: 'personas', available: true, group: 'design' },
	{ href: '/data', label: 'nav.data', icon: 'data', available: true, group: 'analyse' },
	{ href: '/segments', label: 'nav.segments', icon: 'segments', available: true, group: 'analyse' },
	{ href: '/forecast', label: 'nav.forecast', icon: 'forecast', available: true, group: 'analyse' },
	{ href: '/workspaces', label: 'nav.workspaces', icon: 'layers', available: true, group: 'admin' },
	{ href: '/settings', label: 'nav.settings', icon: 'settings', available: true, group: 'admin' }
];

export const ROUTES = NAV.filter((n) => n.available).map((n) => n.href);

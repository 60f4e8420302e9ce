/**
 * The popup's other tabs, loaded after its first render (lazy.ts): the first frame needs only the
 * page's findings, and these bring the rule catalogue, the checklists and the troubleshooter.
 */
export { Plan } from './Plan';
export { SettingsView } from './SettingsView';
export { Setup } from './Setup';
export { Troubleshoot } from './Troubleshoot';

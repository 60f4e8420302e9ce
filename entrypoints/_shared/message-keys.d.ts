/** Every message key in public/_locales/en/messages.json (the `messageKeys` plugin in wxt.config.ts). */
declare module 'virtual:cosell-message-keys' {
  const keys: readonly import('@/lib/i18n/keys').MessageKey[];
  export default keys;
}

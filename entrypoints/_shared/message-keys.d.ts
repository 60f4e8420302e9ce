/** Every message key in public/_locales/en/messages.json (the `messageKeys` plugin in wxt.config.ts). */
declare module 'virtual:cosell-message-keys' {
  const keys: readonly string[];
  export default keys;
}

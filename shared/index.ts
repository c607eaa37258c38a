/**
 * Public API of ldwg-tools' shared core: pure functions and types used by the gadget, the bot and
 * other tools. Nothing here touches the DOM, Node or `mw`.
 *
 * @packageDocumentation
 */
export {};

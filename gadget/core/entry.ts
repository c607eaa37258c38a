/**
 * Eager gadget module (loaded with every draft page view): finds section markers and adds the
 * feedback buttons and counts. Filled in by the gadget issue; until then it does nothing.
 *
 * @packageDocumentation
 */
export {};

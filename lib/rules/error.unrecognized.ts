import { unrecognizedErrorRule } from './error-rule';

export default unrecognizedErrorRule();

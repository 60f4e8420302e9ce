import { errorRule } from './error-rule';

export default errorRule('error.sign-in-required');

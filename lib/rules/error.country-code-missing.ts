import { errorRule } from './error-rule';

export default errorRule('error.country-code-missing');

import { errorRule } from './error-rule';

export default errorRule('error.solution-id-required');

import { errorRule } from './error-rule';

export default errorRule('error.lead-status-required');

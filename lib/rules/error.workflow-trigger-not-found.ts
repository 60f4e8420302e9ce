import { errorRule } from './error-rule';

export default errorRule('error.workflow-trigger-not-found');

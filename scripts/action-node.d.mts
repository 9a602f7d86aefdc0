/** The Node major `runs.using` names in action.yml (24 for `node24`). */
export function declaredNodeMajor(actionYml?: string): number;
/** The path of the pinned Node binary of that major; throws saying how to get one if there is none. */
export function actionNode(): string;

export const id = 8;
export const ids = [8];
export const modules = {

/***/ 6008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyPrNumber: () => (/* binding */ verifyPrNumber)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/github/pr-check.ts
/**
 * Does `pr-number` name the pull request whose run a `workflow_run` workflow follows? The number
 * comes from the triggering run's artifact, which a fork's pull request writes: unchecked, it could
 * send the privileged workflow's comment to any other pull request. The pull request GitHub reports
 * under that number must have the head the run built (`workflow_run.head_sha`), in the repository
 * it came from (`workflow_run.head_repository`). Pure: the adapter (verify-pr.ts) fetches the facts.
 */
/**
 * Why the comment must not go to that pull request (to follow `Input "pr-number": "N"`), or
 * undefined when it may. `pull` undefined: GitHub has no pull request of that number (404).
 */
function prNumberMismatch(repository, run, pull) {
    if (!run?.headSha)
        return 'cannot be checked: the workflow_run event payload has no head_sha (the commit the run built)';
    if (!pull)
        return `is not a pull request of ${repository} (GitHub answers 404)`;
    if (pull.sha.toLowerCase() !== run.headSha.toLowerCase()) {
        return (`does not name the pull request this workflow_run follows: its head is ${pull.sha}, ` +
            `the run built ${run.headSha} (a newer push to it has a run of its own)`);
    }
    // GitHub's names are case-insensitive; a deleted fork (null) cannot be compared, the sha matched.
    if (run.headRepository &&
        pull.repository &&
        pull.repository.toLowerCase() !== run.headRepository.toLowerCase()) {
        return (`does not name the pull request this workflow_run follows: its head is in ${pull.repository}, ` +
            `the run built ${run.headRepository}`);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/github/verify-pr.ts
/**
 * Before a `workflow_run` workflow posts a saved report, asks GitHub for the pull request
 * `pr-number` names and refuses (an InputError, nothing posted) unless it is the one the
 * triggering run built: see pr-check.ts.
 */


async function verifyPrNumber(check) {
    const refuse = (reason) => new errors/* InputError */.dz('pr-number', String(check.prNumber), `${reason}; nothing was posted`);
    if (!check.run?.headSha)
        throw refuse(prNumberMismatch(check.repository, check.run, undefined));
    const { createGitHubClient } = await Promise.all(/* import() */[__webpack_require__.e(157), __webpack_require__.e(556)]).then(__webpack_require__.bind(__webpack_require__, 9556));
    const octokit = createGitHubClient({
        token: check.token,
        env: check.env,
        onRetry: check.onRetry,
        onSecret: check.onSecret,
        waitBudget: check.waitBudget,
    });
    const [owner, repo] = check.repository.split('/');
    let pull;
    try {
        const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: check.prNumber });
        pull = { sha: data.head.sha, repository: data.head.repo?.full_name ?? null };
    }
    catch (error) {
        if (error.status !== 404) {
            // Unverified is refused: the check exists because the number may be a fork's lie.
            throw refuse(`could not be checked against the workflow_run: ${error.message}`);
        }
    }
    const mismatch = prNumberMismatch(check.repository, check.run, pull);
    if (mismatch)
        throw refuse(mismatch);
}


/***/ })

};

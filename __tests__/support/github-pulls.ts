/**
 * The GitHub stand-in's pull requests, as `GET /repos/{owner}/{repo}/pulls/{pull_number}` answers:
 * a `pull-request` object complete enough to satisfy GitHub's OpenAPI description, whose fields
 * that matter here are `number`, `head.sha` and `head.repo.full_name` (a fork's, or the base's).
 */
import { createHash } from 'node:crypto';
import type { StandInUser } from './github-stand-in.js';

/** What a pull request's head is: the commit, and the repository it lives in. */
export interface PullHead {
  sha: string;
  /** `owner/name` of the head's repository (a fork); the base repository when not given. */
  repository?: string;
}

export interface PullFacts {
  /** What the stand-in's URLs start with: the API root and the web root. */
  root: string;
  web: string;
  base: { id: number; owner: string; name: string };
  number: number;
  head: PullHead;
  /** The stand-in's `simple-user` presentation. */
  simpleUser: (user: StandInUser) => Record<string, unknown>;
}

const CREATED = '2024-01-01T00:00:00Z';

/** A head sha for a pull request the test did not give one: stable, and distinct per PR. */
export function defaultHeadSha(owner: string, repo: string, number: number): string {
  return createHash('sha1').update(`${owner}/${repo}#${number}`.toLowerCase()).digest('hex');
}

export function presentPull(facts: PullFacts): Record<string, unknown> {
  const { root, web, base, number, head } = facts;
  const baseName = `${base.owner}/${base.name}`;
  const headName = head.repository ?? baseName;
  const [headOwner, headRepo] = headName.split('/');
  const api = `${root}/repos/${baseName}`;
  const html = `${web}/${baseName}/pull/${number}`;
  const author: StandInUser = { login: headOwner, id: idOf(headOwner), type: 'User' };
  const repository = (owner: string, name: string, id: number) =>
    presentRepository(root, web, owner, name, id, facts.simpleUser);
  const headRepository =
    headName.toLowerCase() === baseName.toLowerCase()
      ? repository(base.owner, base.name, base.id)
      : { ...repository(headOwner, headRepo, idOf(headName)), fork: true };
  const link = (href: string) => ({ href });
  return {
    url: `${api}/pulls/${number}`,
    id: 1_900_000_000 + number,
    node_id: `PR_kwDO${Buffer.from(`${base.id}:${number}`).toString('base64url')}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${number}`,
    commits_url: `${api}/pulls/${number}/commits`,
    review_comments_url: `${api}/pulls/${number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${number}/comments`,
    statuses_url: `${api}/statuses/${head.sha}`,
    number,
    state: 'open',
    locked: false,
    title: `Pull request ${number}`,
    user: facts.simpleUser(author),
    body: null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: CREATED,
    updated_at: CREATED,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${headOwner}:pr-${number}`,
      ref: `pr-${number}`,
      sha: head.sha,
      user: facts.simpleUser(author),
      repo: headRepository,
    },
    base: {
      label: `${base.owner}:main`,
      ref: 'main',
      sha: createHash('sha1').update(`${baseName}:main`).digest('hex'),
      user: facts.simpleUser({ login: base.owner, id: idOf(base.owner), type: 'User' }),
      repo: repository(base.owner, base.name, base.id),
    },
    _links: {
      self: link(`${api}/pulls/${number}`),
      html: link(html),
      issue: link(`${api}/issues/${number}`),
      comments: link(`${api}/issues/${number}/comments`),
      review_comments: link(`${api}/pulls/${number}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${api}/pulls/${number}/commits`),
      statuses: link(`${api}/statuses/${head.sha}`),
    },
    author_association: headName.toLowerCase() === baseName.toLowerCase() ? 'MEMBER' : 'CONTRIBUTOR',
    auto_merge: null,
    draft: false,
    merged: false,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1,
  };
}

function presentRepository(
  root: string,
  web: string,
  owner: string,
  name: string,
  id: number,
  simpleUser: PullFacts['simpleUser'],
): Record<string, unknown> {
  const api = `${root}/repos/${owner}/${name}`;
  const html = `${web}/${owner}/${name}`;
  const host = new URL(web).host;
  return {
    id,
    node_id: `R_kgDO${Buffer.from(String(id)).toString('base64url')}`,
    name,
    full_name: `${owner}/${name}`,
    owner: simpleUser({ login: owner, id: idOf(owner), type: 'User' }),
    private: false,
    html_url: html,
    description: null,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${owner}/${name}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${host}:${owner}/${name}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: html,
    homepage: null,
    language: 'Dockerfile',
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 1,
    default_branch: 'main',
    open_issues: 1,
    open_issues_count: 1,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    visibility: 'public',
    pushed_at: CREATED,
    created_at: CREATED,
    updated_at: CREATED,
    license: null,
  };
}

/** A stable positive id for a login or a repository name (GitHub's ids are opaque numbers). */
function idOf(name: string): number {
  return 10_000_000 + (createHash('sha1').update(name.toLowerCase()).digest().readUInt32BE(0) % 89_999_999);
}

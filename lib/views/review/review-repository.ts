import { rootRepository } from "@/lib/index/root-source";

// The root's repository (its top and the root's place in it) does not move while the server runs,
// and asking git costs two processes: the review page and its details look it up once per root.
const repositories = new Map<string, ReturnType<typeof rootRepository>>();

/** `rootRepository(root)`, asked of git once per root. */
export function reviewRepository(root: string): ReturnType<typeof rootRepository> {
  let repository = repositories.get(root);
  if (!repository) {
    repository = rootRepository(root);
    repositories.set(root, repository);
    // A failure (git missing for a moment) is not kept.
    repository.catch(() => repositories.delete(root));
  }
  return repository;
}

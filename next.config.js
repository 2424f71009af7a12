/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The recordings root is read at run time; never bundle it.
  outputFileTracingExcludes: { "*": ["recordings/**", "e2e/**", "bench/**"] },
};

export default nextConfig;

/** The queries the GraphQL page offers to start from. */
export const EXAMPLES = [
  {
    label: "List jobs",
    query: `# Ctrl+Enter (⌘+Enter on a Mac) runs the query.
query Jobs($filter: String) {
  jobs(filter: $filter, orderBy: "CreatedDate DESC", first: 10) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        UID
        Name
        JobStatus
        Start
        Region { Name }
      }
    }
  }
}
`,
    variables: `{
  "filter": "JobStatus IN ['Queued', 'Dispatched', 'In Progress']"
}
`,
  },
  {
    label: "Create a region",
    query: `# Admins only: viewers may query but not change records.
mutation {
  schema {
    insertRegions(input: { Name: "North", Timezone: "Europe/London" })
  }
}
`,
    variables: "{}\n",
  },
] as const;

-- wrk script: GET /v1/clients/requirements, rotating over the tokens in $TOKENS_FILE so the
-- server signs a payload for a different user on each request, as a fleet of clients would.
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do
  tokens[#tokens + 1] = line
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/v1/clients/requirements", { ["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1] })
end

-- Each request records a distinct deployment of the application "bench".
-- Counts 201 responses per thread so the script can compare them with the rows written.
local threads = {}
counter = 0
created = 0
failed = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  token = os.getenv("BENCH_TOKEN")
  run = os.getenv("BENCH_RUN") or "0"
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  counter = counter + 1
  local version = run .. "." .. tid .. "." .. counter
  local body = '{"application":"bench","environment":"production","version":"' .. version ..
      '","artifact":"registry.example.com/bench@sha256:' .. version .. '","commit":"abc' .. counter ..
      '","endpoint":"bench-' .. version .. '"}'
  return wrk.format(nil, "/api/v1/deployments", nil, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else failed = failed + 1 end
  if status ~= 201 and failed <= 3 then io.stderr:write("status " .. status .. ": " .. body .. "\n") end
end

function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("created")
    bad = bad + thread:get("failed")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d created=%d failed=%d socket_errors=%d seconds=%.1f rps=%.0f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, ok, bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end

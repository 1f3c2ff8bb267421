-- The requests of one benchmark row for wrk, chosen by BENCH_MODE. Config names follow
-- bench/BenchTools/BenchLayout.cs: config i (0 <= i < BENCH_CONFIGS) is key "key-%05d" of service
-- "svc-%03d" number floor(i / 2) % BENCH_SERVICES in environment "bench"; even i plain, odd i encrypted.
-- Registry instances follow bench/BenchTools/Registry/BenchRegistry.cs: instance i (0 <= i < BENCH_INSTANCES) is
-- "inst-%05d" of service "reg-%03d" number i % BENCH_REGISTRY_SERVICES in environment "bench".
-- Every request is built once per thread; each call picks one at random. done() writes the row's
-- summary (requests/s, latency percentiles in ms, errors) as JSON to BENCH_RESULT.

local mode = os.getenv("BENCH_MODE")
local configs = tonumber(os.getenv("BENCH_CONFIGS"))
local services = tonumber(os.getenv("BENCH_SERVICES"))
local vault_token = os.getenv("BENCH_VAULT_TOKEN") or "root"
local api_key = os.getenv("BENCH_API_KEY") or ""
local instances = tonumber(os.getenv("BENCH_INSTANCES"))
local registry_services = tonumber(os.getenv("BENCH_REGISTRY_SERVICES"))
local result_file = os.getenv("BENCH_RESULT")

local function service(i) return string.format("svc-%03d", math.floor(i / 2) % services) end
local function key(i) return string.format("key-%05d", i) end
local function api_path(i) return "/api/v1/config/" .. key(i) .. "?environment=bench&service_name=" .. service(i) end
local json = { ["Content-Type"] = "application/json" }
local vault = { ["X-Vault-Token"] = vault_token }
local vault_json = { ["X-Vault-Token"] = vault_token, ["Content-Type"] = "application/json" }

-- OFREP: flag "flag-%03d" of the 100 that bench/BenchTools/Flags/BenchFlags.cs seeds, for user "user-<j>", with
-- attributes that send some users through the rules (country NL or BE: a split; plan enterprise: a variant).
local ofrep_headers = { ["Content-Type"] = "application/json", ["X-Environment"] = "bench" }
local countries = { "NL", "BE", "DE", "FR", "US" }
local plans = { "free", "pro", "enterprise" }
local function ofrep_context(j)
  return '{"context":{"targetingKey":"user-' .. j .. '","country":"' .. countries[j % 5 + 1] .. '","plan":"' .. plans[j % 3 + 1] .. '"}}'
end

local function registry_instances(i)
  return string.format("/api/v1/registry/bench/services/reg-%03d/instances", i % registry_services)
end
local empty_body = {} -- headers of a request whose body is empty: wrk.format adds Host and Content-Length: 0

-- mode -> { count, function(j) returning the j-th request (0-based) }
local modes = {
  -- cached plain GET: the plain half of the configs
  ["get-plain"] = { configs / 2, function(j) return wrk.format("GET", api_path(2 * j)) end },
  -- the cached plain GET with an API key that may read the bench environment
  ["get-plain-key"] = { configs / 2, function(j) return wrk.format("GET", api_path(2 * j), { ["X-API-Key"] = api_key }) end },
  -- encrypted GET: the encrypted half (always read from Vault)
  ["get-encrypted"] = { configs / 2, function(j) return wrk.format("GET", api_path(2 * j + 1)) end },
  -- the same encrypted secrets read from Vault directly
  ["vault-get"] = { configs / 2, function(j)
    return wrk.format("GET", "/v1/secret/data/bench/" .. service(2 * j + 1) .. "/" .. key(2 * j + 1), vault)
  end },
  -- PUT across every config (keeps each one's encryption)
  ["put-many"] = { configs, function(j)
    return wrk.format("PUT", api_path(j), json, '{"value":"bench-put-' .. j .. '"}')
  end },
  -- PUT to one plain config: its writes queue in one grain
  ["put-one"] = { 1, function(j) return wrk.format("PUT", api_path(0), json, '{"value":"bench-put-one"}') end },
  -- a plain write to Vault directly, beside the service's secrets
  ["vault-put"] = { configs, function(j)
    return wrk.format("POST", "/v1/secret/data/bench-baseline/" .. service(j) .. "/" .. key(j), vault_json,
      '{"data":{"value":"bench-put-' .. j .. '","is_encrypted":false}}')
  end },
  -- OFREP evaluation of one flag: 20,000 (flag, user) pairs over the 100 flags
  ["ofrep"] = { 20000, function(j)
    return wrk.format("POST", string.format("/ofrep/v1/evaluate/flags/flag-%03d", j % 100), ofrep_headers, ofrep_context(j))
  end },
  -- OFREP bulk evaluation of all 100 flags for one of 2,000 users
  ["ofrep-bulk"] = { 2000, function(j) return wrk.format("POST", "/ofrep/v1/evaluate/flags", ofrep_headers, ofrep_context(j)) end },
  -- a TTL heartbeat (empty body) of one of the seeded registry instances
  ["heartbeat"] = { instances, function(j)
    return wrk.format("PUT", registry_instances(j) .. string.format("/inst-%05d/heartbeat", j), empty_body, "")
  end },
  -- the healthy instances of one of the registry's services
  ["registry-healthy"] = { registry_services, function(j) return wrk.format("GET", registry_instances(j) .. "?healthy=true") end },
  -- list pages of 50: the first one or two pages of every service
  ["list"] = { services * math.min(2, math.ceil(configs / services / 50)), function(j)
    return wrk.format("GET", "/api/v1/config?environment=bench&service_name=" .. string.format("svc-%03d", j % services) ..
      "&limit=50&offset=" .. (50 * math.floor(j / services)))
  end },
}

local threads_set_up = 0
function setup(thread)
  threads_set_up = threads_set_up + 1
  thread:set("bench_thread", threads_set_up) -- a global of that thread's own Lua state
end

local requests_table = {}
function init(args)
  local chosen = modes[mode]
  if chosen == nil then error("unknown BENCH_MODE " .. tostring(mode)) end
  for j = 0, chosen[1] - 1 do requests_table[j + 1] = chosen[2](j) end
  math.randomseed(os.time() * 100 + (bench_thread or 0))
end

function request()
  return requests_table[math.random(#requests_table)]
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local file = assert(io.open(result_file, "w"))
  file:write(string.format(
    '{"mode":"%s","requests":%d,"duration_s":%.3f,"requests_per_sec":%.1f,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    mode, summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
  file:close()
end

-- W1 for walletdesk: POST a new ticket per request through the customer API.
-- Same titles and description as the peer's w1_post.lua, so both sides store the same text.
-- Env: WD_TOKENS = comma-separated customer JWTs (request n uses token n mod k, so several
--      customers write at once), WD_CATEGORY (default "other": it needs no intake form).
local tokens = {}
for t in string.gmatch(os.getenv("WD_TOKENS") or "", "[^,]+") do tokens[#tokens + 1] = t end
local category = os.getenv("WD_CATEGORY") or "other"
local n = 0
local titles = {"Refund request for order 4711 申请退款", "Invoice shows wrong amount 发票金额错误", "Card payment declined 银行卡支付被拒绝"}
local desc = "I was charged twice for the same purchase yesterday. 昨天同一笔消费被扣了两次款。Please help me get a refund as soon as possible."

request = function()
  n = n + 1
  local subject = titles[(n % 3) + 1] .. " #" .. n
  local body = string.format('{"category": "%s", "subject": "%s", "body": "%s"}', category, subject, desc)
  local headers = {["Content-Type"] = "application/json"}
  if #tokens > 0 then headers["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1] end
  return wrk.format("POST", "/api/v1/customer/tickets", headers, body)
end

-- The peer's output line, parsed by bench/tickets.py the same way the peer's bench_create.py does.
done = function(summary, latency, requests)
  io.write(string.format("WRK_RESULT requests=%d duration_s=%.3f errors_status=%d errors_sock=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f mean_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.mean / 1000, latency.max / 1000))
end

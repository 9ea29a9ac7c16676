-- wrk script: every request POSTs the same AdmissionReview, read once per thread from $BODY.
-- No response() callback: it would cost wrk CPU on the cores the servers also use, and wrk
-- already counts non-2xx answers and socket errors.
local path = os.getenv("BODY")
if not path or path == "" then
  error("BODY must name the AdmissionReview JSON file to send")
end
local file = assert(io.open(path, "rb"))
wrk.body = file:read("*a")
file:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

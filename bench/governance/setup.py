"""Bench fixture: a policy assigned to a group holding USERS users, one access token each (printed one per line)."""
import json
import sys
import urllib.request

server, key, users = sys.argv[1], sys.argv[2], int(sys.argv[3])


def call(method, path, body=None):
    request = urllib.request.Request(server + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None


policy = call("POST", "/v1/admin/policies", {"name": "bench", "contents": 'allowed_sandbox_modes = ["read-only"]\nallowed_approval_policies = ["untrusted", "on-request"]\n'})
group = call("POST", "/v1/admin/groups", {"display_name": "bench"})
call("PUT", "/v1/admin/policy-assignments", {"rules": [{"group_id": group["id"], "policy_id": policy["id"]}], "default_policy_id": None})
for i in range(users):
    user = call("POST", "/v1/admin/users", {"email": f"user{i}@bench.example"})
    if i % 2 == 0:  # half match the rule, half fall through to no policy: both resolution paths are measured
        call("PUT", f"/v1/admin/groups/{group['id']}/members/{user['id']}")
    print(call("POST", f"/v1/admin/users/{user['id']}/access-tokens", {"name": "bench"})["token"])

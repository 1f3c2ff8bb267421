#!/usr/bin/env bash
# Vault set-up through Vault's HTTP API (what `vault auth enable` / `vault write` send), for run.sh and
# bench/run.sh against their dev Vault. Source it; it defines functions only.

# _vault ADDR TOKEN METHOD PATH [BODY]: one call; prints the answer, fails on an HTTP error status.
_vault() {
  local addr=$1 token=$2 method=$3 path=$4 body=${5:-}
  curl -sS --fail-with-body --max-time 10 -X "$method" -H "X-Vault-Token: $token" -H "X-Vault-Request: true" \
    ${body:+-H "Content-Type: application/json" --data "$body"} "$addr/v1/$path"
}

# _json_string FIELD: the first "FIELD":"value" of the JSON on stdin.
_json_string() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" | head -1; }

# vault_approle_login_setup ADDR ROOT_TOKEN ROLE SECRET_ID_FILE: enables AppRole at approle/ when it is not
# yet, writes ROLE (tokens for 1 h, renewable up to 24 h), prints its role id, and writes a new secret id to
# SECRET_ID_FILE (readable by this user only). Safe to run again: the role is rewritten, a new secret id issued.
vault_approle_login_setup() {
  local addr=$1 token=$2 role=$3 secret_file=$4 role_id secret_id
  if ! _vault "$addr" "$token" GET sys/auth | grep -q '"approle/"'; then
    _vault "$addr" "$token" POST sys/auth/approle '{"type":"approle"}' >/dev/null
  fi
  _vault "$addr" "$token" POST "auth/approle/role/$role" \
    '{"token_policies":["configcluster"],"token_ttl":"1h","token_max_ttl":"24h","secret_id_ttl":"0"}' >/dev/null
  role_id=$(_vault "$addr" "$token" GET "auth/approle/role/$role/role-id" | _json_string role_id)
  secret_id=$(_vault "$addr" "$token" POST "auth/approle/role/$role/secret-id" '{}' | _json_string secret_id)
  if [ -z "$role_id" ] || [ -z "$secret_id" ]; then
    echo "the Vault at $addr did not answer a role id and a secret id for the AppRole $role" >&2
    return 1
  fi
  (umask 077 && printf '%s\n' "$secret_id" >"$secret_file")
  printf '%s\n' "$role_id"
}

"""The commented example policy that ``gdprgate policy init`` writes.

It is valid as written (a test loads it), and with it the gateway behaves as
with the built-in default policy plus one more purpose to copy from.
"""

from __future__ import annotations

EXAMPLE_POLICY = """\
# gdprgate policy file: who may do what with personal data, for which purpose,
# on which legal basis. Check it with:  gdprgate policy check gdprgate.yaml
# Use it with:  GDPRGATE_POLICY=gdprgate.yaml gdprgate serve
# Reference: docs/policy.md
version: 1

# The controller (Art. 4(7) GDPR) and how data subjects reach it.
controller:
  name: Example Organisation Ltd
  contact: privacy@example.org
  dpo_contact: dpo@example.org        # data protection officer, if you have one
  # eu_representative: ...            # Art. 27, if you are outside the EU
  # joint_controllers: [...]          # Art. 26, if any

# When you run the gateway for other organisations (as their processor),
# name yourself here and give each tenant its controller; the record of
# processing then has a processor's part (Art. 30(2)).
# processor: {name: ..., contact: ...}

# Technical and organisational measures (Art. 32) beyond the gateway's own,
# and the systems to notify on erasure: both go into the record
# (gdprgate records, docs/monitoring.md).
# security_measures: [Full-disk encryption on the model servers.]
# deletion_hooks:                   # called on erasure (docs/rights.md)
#   - {name: crm, url: "https://crm.internal/gdpr/erase", secret_env: CRM_HOOK_SECRET}
#   - {name: search, entry_point: "mycompany.search:erase"}
#   - ticketing                     # a name only: listed in the record

# Data-subject requests (gdprgate rights): a restricted or objecting
# person's values are refused (or redacted); erased values stay blocked.
# rights: {on_restricted: refuse, tombstone_erased: true}

# Tenants are pseudonymisation domains: the same value gets unrelated tokens
# in two tenants. Every API key belongs to exactly one tenant.
tenants:
  - id: default
    description: Everyone in the organisation.
    # controller: {name: ..., contact: ...}   # with processor: above

# Purposes of processing. A request names one (header X-Gdprgate-Purpose) or
# uses its key's default purpose; a purpose the key does not hold is refused.
purposes:
  - id: default
    description: General use of the self-hosted model, pseudonymised.
    # Legal basis, Art. 6(1): a consent, b contract, c legal obligation,
    # d vital interests, e public task, f legitimate interests.
    legal_basis: f
    # Categories of data subjects and of personal data (fideslang names
    # where one fits), as the Art. 30 record states them.
    data_subjects: [employee, customer]
    data_categories: [user.name, user.contact]
    # Recipients: the upstream models the data is sent to.
    recipients: [self-hosted model]
    # What happens to each entity type found. Actions: keep, token,
    # surrogate (a realistic fake), redact ([PERSON]), block (refuse).
    # Types not listed use the defaults below.
    default_input_action: token
    default_output_action: token
    input_actions:
      IBAN_CODE: redact
      CREDIT_CARD: block
    # Callers holding the reidentify role get original values back.
    restore: true

  - id: customer.support
    description: Drafting answers to customer support tickets.
    legal_basis: b                    # performance of a contract
    data_subjects: [customer]
    data_categories: [user.name, user.contact.email, user.contact.phone_number]
    recipients: [self-hosted model]
    # How long each store keeps data of this purpose: ISO 8601 (P30D) or
    # 30d, 12h, 6w, 18mo, 1y. Enforced by `gdprgate retention run` and the
    # sweeper in `gdprgate serve`.
    retention:
      vault: 90d
      audit: 1y
      payloads: 30d
    # Keep each interaction, pseudonymised, for review by auditors.
    store_payloads: true
    # Allowed models; leave out (or []) to allow any.
    models: []
    input_actions:
      PERSON: surrogate
      EMAIL_ADDRESS: token
    output_actions:
      EMAIL_ADDRESS: redact
    restore: true
    # Transfers outside the EEA need a safeguard: adequacy, scc, bcr,
    # code_of_conduct, certification, ad_hoc_clauses or derogation.
    # transfers:
    #   - country: US
    #     safeguard: scc
    #     recipient: Example Hosting Inc.

  # Special categories (Art. 9: health, religion, ...) need an Art. 9(2)
  # condition, or the gateway blocks them:
  # - id: occupational.health
  #   description: Summarising occupational health notes.
  #   legal_basis: c
  #   art9_condition: 9(2)(h)
  #   data_subjects: [employee]
  #   data_categories: [user.health_and_medical]
"""

"""Firms that register themselves, and people asking to join a registered firm.

`services` writes (sign-up, confirmation, requests to join and their decision),
`selectors` reads. A sign-up creates nothing but a `FirmSignup` until its e-mail
link is used; an organisation number that is already registered only ever leads
to a `FirmClaim` that the firm's contact (or a leader of its run) decides.
"""

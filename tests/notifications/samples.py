"""A context for every mail, as the services store it (plain values only)."""

from lms.notifications.kinds import Kind, MailTemplate

FIRM = "Bakeri & Co AS"
URL = "/kurs/noe/"

CONTEXTS = {
    Kind.APPLICATION_RECEIVED: {
        "firm_name": FIRM,
        "org_number": "914 035 171",
        "run_title": "Sosial Profil – Asker",
    },
    Kind.APPLICATION_ACCEPTED: {
        "firm_name": FIRM,
        "run_title": "Sosial Profil – Asker",
    },
    Kind.APPLICATION_DECLINED: {
        "firm_name": FIRM,
        "run_title": "Sosial Profil – Asker",
    },
    Kind.PLAN_SUBMITTED: {"firm_name": FIRM, "run_title": "Sosial Profil – Asker"},
    Kind.PLAN_SENT_BACK: {
        "firm_name": FIRM,
        "run_title": "Sosial Profil – Asker",
        "comment": "Skriv hvem som er mentor.",
    },
    Kind.PLAN_APPROVED: {
        "firm_name": FIRM,
        "run_title": "Sosial Profil – Asker",
        "comment": "",
    },
    Kind.FIRM_CERTIFIED: {
        "firm_name": FIRM,
        "course_title": "Sosial Profil",
        "valid_until": "2027-06-30",
    },
    Kind.CERTIFICATION_EXPIRING: {
        "firm_name": FIRM,
        "course_title": "Sosial Profil",
        "valid_until": "2027-06-30",
        "days_left": 30,
    },
    Kind.COURSE_CERTIFICATE_READY: {
        "run_title": "Sosial Profil – Asker",
        "course_title": "Sosial Profil",
    },
    Kind.SESSION_REMINDER: {
        "run_title": "Sosial Profil – Asker",
        "session_position": 1,
        "session_title": "Samling 1",
        "starts_at": "2027-06-30T09:00:00+02:00",
        "ends_at": "2027-06-30T12:00:00+02:00",
        "place": "Asker rådhus",
        "agenda": "Velkommen",
        "lessons": [["Hva er inkludering?", "http://testserver/leksjon/"]],
        "my_course_url": "http://testserver/kurs/mitt-kurs/",
        "calendar_url": "http://testserver/kurs/mitt-kurs/kalender.ics",
    },
    Kind.INVITATION_ACCEPTED: {
        "person_name": "Kari Nordmann",
        "person_email": "kari@example.no",
        "firm_name": FIRM,
    },
    Kind.FIRM_CLAIM_REQUESTED: {
        "firm_name": FIRM,
        "org_number": "914 035 171",
        "claimant_name": "Ola Nordmann",
        "claimant_email": "ola@example.no",
        "message": "Jeg er daglig leder.",
    },
    Kind.FIRM_CLAIM_DECIDED: {
        "firm_name": FIRM,
        "org_number": "914 035 171",
        "approved": True,
        "decision": "approved",
    },
    Kind.VALIDATION_CASE: {
        "action": "submit",
        "role": "assessor",
        "candidate_name": "Kari Nordmann",
        "unit_code": "SP-1",
        "unit_title": "Inkludering i praksis",
    },
    MailTemplate.INVITATION: {
        "inviter": "Kari Nordmann",
        "firm_name": FIRM,
        "expires_at": "2027-06-30T09:00:00+02:00",
    },
    MailTemplate.PLACEMENT_INVITATION: {
        "invited_name": "Ola",
        "inviter": "Kari Nordmann",
        "mentor": "Kari Nordmann",
        "firm_name": FIRM,
        "starts_on": "2027-01-04",
        "expires_at": "2027-06-30T09:00:00+02:00",
    },
    MailTemplate.SIGNUP_CONFIRM: {
        "first_name": "Kari",
        "firm_name": FIRM,
        "org_number": "914 035 171",
        "url": "http://testserver/accounts/signup/abc/",
        "valid_hours": 48,
    },
    MailTemplate.SIGNUP_ACCOUNT_EXISTS: {
        "login_url": "http://testserver/accounts/login/",
        "password_reset_url": "http://testserver/accounts/password/reset/",
        "firm_name": FIRM,
    },
}

"""Member organisations, joining, newsletter subscriptions, working groups and partners.

Everything a visitor submits is stored first (application, subscription, proposal, queued e-mail)
and only then mailed, so a broken mail server never loses anyone's data. Visitor text is kept as
plain text and escaped on output; nothing submitted is ever rendered as HTML.

The models live in one module per concern; this package re-exports every name, so
``from members.models import X`` and the migrations keep working.
"""

from .mailing import NewsletterDelivery, NewsletterSend, OutgoingEmail
from .organisations import (
    FREE_MAIL_DOMAINS,
    LANGUAGE_CHOICES,
    LEGAL_SUFFIXES,
    MemberOrganisation,
    domain_of,
    ip_hash,
    normalize_name,
)
from .pages import (
    FormPage,
    JoinPage,
    MemberDirectoryPage,
    PartnerIndexPage,
    PartnerPage,
    ProposalPage,
    SubscribePage,
    WorkingGroupIndexPage,
    WorkingGroupMembership,
    WorkingGroupPage,
)
from .submissions import (
    ConsentRecord,
    ConsentText,
    MembershipApplication,
    Proposal,
    Status,
    Subscriber,
)

__all__ = [
    "ConsentRecord",
    "ConsentText",
    "FREE_MAIL_DOMAINS",
    "FormPage",
    "JoinPage",
    "LANGUAGE_CHOICES",
    "LEGAL_SUFFIXES",
    "MemberDirectoryPage",
    "MemberOrganisation",
    "MembershipApplication",
    "NewsletterDelivery",
    "NewsletterSend",
    "OutgoingEmail",
    "PartnerIndexPage",
    "PartnerPage",
    "Proposal",
    "ProposalPage",
    "Status",
    "SubscribePage",
    "Subscriber",
    "WorkingGroupIndexPage",
    "WorkingGroupMembership",
    "WorkingGroupPage",
    "domain_of",
    "ip_hash",
    "normalize_name",
]

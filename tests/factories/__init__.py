"""Test data factories, one module per app, on wagtail-factories and factory_boy.

Read ``docs/testing.md`` first. In short: ``PilotPageFactory()`` makes a published Finnish pilot
under the Finnish pilot index (created when missing) under the migrations' front page;
``PilotPageFactory(language="sv")`` does the same in the Swedish tree (ask for ``locale_tree``
first); ``draft=True`` leaves a page unpublished.
"""

from .airegister import AIRecordPageFactory, RegisterIndexPageFactory, translate_record
from .base import home_page, locale, publish, translate
from .cms import RegionFactory, ThemeFactory
from .coordination import (
    LegislativeNeedFactory,
    LegislativeNeedsPageFactory,
    LessonsLearnedPageFactory,
    MilestoneFactory,
    ProgressReportFactory,
    ReportingScheduleFactory,
)
from .events import (
    EventIndexPageFactory,
    EventPageFactory,
    EventSeriesPageFactory,
    RegistrationFactory,
)
from .home import (
    AccessibilityStatementPageFactory,
    BlogIndexPageFactory,
    BlogPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    NewsPageFactory,
    StandardPageFactory,
)
from .members import (
    ConsentTextFactory,
    JoinPageFactory,
    MemberDirectoryPageFactory,
    MemberOrganisationFactory,
    MembershipApplicationFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ProposalFactory,
    ProposalPageFactory,
    SubscribePageFactory,
    SubscriberFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from .pilots import (
    FundingApplicationFactory,
    FundingCallPageFactory,
    IndicatorFactory,
    MeasurementFactory,
    PilotIndexPageFactory,
    PilotPageFactory,
    PilotUpdatePageFactory,
)
from .reports import (
    ReportIndexPageFactory,
    ReportPageFactory,
    UseCaseCatalogPageFactory,
    UseCaseCategoryFactory,
    UseCaseFactory,
)
from .tree import LocaleTree, build_locale_tree
from .users import SuperuserFactory, UserFactory

__all__ = [
    "AccessibilityStatementPageFactory",
    "AIRecordPageFactory",
    "RegisterIndexPageFactory",
    "translate_record",
    "BlogIndexPageFactory",
    "BlogPageFactory",
    "ConsentTextFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "EventSeriesPageFactory",
    "FundingApplicationFactory",
    "FundingCallPageFactory",
    "HomePageFactory",
    "IndicatorFactory",
    "JoinPageFactory",
    "LegislativeNeedFactory",
    "LegislativeNeedsPageFactory",
    "LessonsLearnedPageFactory",
    "LocaleTree",
    "MeasurementFactory",
    "MemberDirectoryPageFactory",
    "MemberOrganisationFactory",
    "MembershipApplicationFactory",
    "MilestoneFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "NewsletterIndexPageFactory",
    "NewsletterIssuePageFactory",
    "PartnerIndexPageFactory",
    "PartnerPageFactory",
    "PilotIndexPageFactory",
    "PilotPageFactory",
    "PilotUpdatePageFactory",
    "ProgressReportFactory",
    "ProposalFactory",
    "ProposalPageFactory",
    "RegionFactory",
    "RegistrationFactory",
    "ReportIndexPageFactory",
    "ReportPageFactory",
    "ReportingScheduleFactory",
    "StandardPageFactory",
    "SubscribePageFactory",
    "SubscriberFactory",
    "SuperuserFactory",
    "ThemeFactory",
    "UseCaseCatalogPageFactory",
    "UseCaseCategoryFactory",
    "UseCaseFactory",
    "UserFactory",
    "WorkingGroupIndexPageFactory",
    "WorkingGroupPageFactory",
    "build_locale_tree",
    "home_page",
    "locale",
    "publish",
    "translate",
]

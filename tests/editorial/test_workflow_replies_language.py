"""The reviewer's answer (approved / sent back) reaches the submitter in the submitter's language.

``test_workflow_language`` checks the "submitted" e-mails to the reviewers; these are the e-mails
Wagtail sends back to the person who submitted, with the reviewer working in another language.
"""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from editorial.names import display_name
from editorial.roles import COMMUNICATIONS, LIAISONS, TASK_NAME, WORKFLOW_NAME
from tests.factories.pilots import PilotPageFactory, PilotUpdatePageFactory
from tests.factories.users import UserFactory
from tests.mailqueue import delivered

pytestmark = pytest.mark.django_db

SUBJECTS = {
    "approve": 'The page "%(title)s" has been approved',
    "reject": 'The page "%(title)s" has been rejected during "%(workflow)s".',
}


def _speaks(user, language: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.mark.parametrize("action", ["approve", "reject"])
@pytest.mark.parametrize(("submitter_language", "reviewer_language"), [("sv", "fi"), ("fi", "sv")])
def test_answer_reaches_the_submitter_in_their_language(
    action, submitter_language, reviewer_language
):
    liaison = _speaks(UserFactory(username="kieli-yhteys", groups=[LIAISONS]), submitter_language)
    reviewer = _speaks(
        UserFactory(username="kieli-viestinta", groups=[COMMUNICATIONS]), reviewer_language
    )
    pilot = PilotPageFactory(title="Kielikokeilu", liaisons=[liaison])
    update = PilotUpdatePageFactory(parent=pilot, title="Kielipäivitys", draft=True)
    update.get_workflow().start(update, liaison)
    task_state = update.current_workflow_task_state.specific
    delivered().clear()  # the "submitted" e-mails to the reviewers

    task_state.task.specific.on_action(task_state, reviewer, action, comment="Tarkenna otsikkoa.")

    to_submitter = [message for message in delivered() if liaison.email in message.to]
    assert len(to_submitter) == 1, [m.subject for m in delivered()]
    message = to_submitter[0]
    with translation.override(submitter_language):
        names = {"title": "Kielipäivitys", "workflow": display_name(WORKFLOW_NAME)}
        subject = gettext(SUBJECTS[action]) % names
        task = display_name(TASK_NAME)
    with translation.override(reviewer_language):
        reviewers_task = display_name(TASK_NAME)
    assert subject != SUBJECTS[action] % names  # the catalogue has it
    assert message.subject.startswith(subject), message.subject
    body = message.body + "".join(str(part[0]) for part in getattr(message, "alternatives", []))
    if action == "reject":
        assert task in body and reviewers_task not in body
        assert "Tarkenna otsikkoa." in body

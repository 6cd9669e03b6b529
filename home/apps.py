"""Front page, standard pages, news, blog and the newsletter archive."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    label = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.sections import FrontPageSection, register_front_page_section

        from .sections import latest_news, news_index_url

        register_front_page_section(
            FrontPageSection(
                key="latest-news",
                title=_("Latest news"),
                template="home/sections/latest_news.html",
                items=latest_news,
                order=20,
                limit=3,
                more_url=news_index_url,
            )
        )

"""Media blocks: images with alt text, embeds and links to documents."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    """An image whose alternative text is required, not optional, for WCAG 1.1.1."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    def get_preview_value(self):
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("-created_at").first()
        if image is None:
            return None
        return self.to_python({"image": image.pk, "alt_text": image.title, "caption": image.title})

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = _("Image")


class VideoEmbedBlock(blocks.StructBlock):
    """An embed that loads only after the visitor asks for it: no third-party request by default."""

    url = EmbedBlock(label=_("Video or embed URL"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)

    class Meta:
        icon = "media"
        template = "blocks/embed.html"
        label = _("Embed")
        preview_value = {"url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "title": "AI-aamu"}


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)

    def get_preview_value(self):
        from wagtail.documents import get_document_model

        document = get_document_model().objects.order_by("-created_at").first()
        if document is None:
            return None
        return self.to_python({"document": document.pk, "title": document.title})

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link.html"
        label = _("Document link")

"""Image uploads that can never cause a server error (``WAGTAILIMAGES_IMAGE_FORM_BASE``).

Wagtail's image field reads the size from the header and multiplies by the frame count; three
gaps remain, closed here:

- a header claiming more pixels than Pillow's own bomb limit makes Pillow raise
  ``DecompressionBombError`` inside Wagtail's check, which is not a form error (a 500); here the
  width × height from the header is compared with ``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` first, and
  any decoder error becomes a form error;
- an animated image must count all frames, but Willow reports one frame for a GIF, so the
  frames are counted with Pillow here (after one frame is known to be within the limit);
- a truncated or corrupt file has a valid header and passes, then fails when a rendition is
  made; here every frame is decoded once (cheap: the pixel total is already bounded).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from PIL import ImageSequence
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DECODER_ERRORS = (
    PillowImage.DecompressionBombError,
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    MemoryError,
)

TOO_MANY_PIXELS = _("The image has too many pixels. Make it smaller and upload it again.")


class SafeImageField(WagtailImageField):
    def to_python(self, data):
        try:
            file = super().to_python(data)
        except DECODER_ERRORS as exc:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc
        if file is not None:
            self.check_decodes(file)
        return file

    def check_image_pixel_size(self, f) -> None:
        # The form's field is built once, at import: read the limit for each upload instead.
        limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
        if limit is None:
            return
        try:
            width, height = f.image.get_size()  # from the header, nothing decoded yet
        except PillowImage.DecompressionBombError as exc:
            raise ValidationError(TOO_MANY_PIXELS, code="file_too_many_pixels") from exc
        pixels = width * height
        if pixels <= limit:  # only then are the frames counted
            pixels *= self.frame_count(f)
        if pixels > limit:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": pixels, "max_pixels_count": limit},
                code="file_too_many_pixels",
            )

    @staticmethod
    def frame_count(file) -> int:
        """All frames of an animated GIF or WebP (Willow 1.x reports 1 for a GIF)."""
        file.seek(0)
        try:
            with PillowImage.open(file) as image:
                return getattr(image, "n_frames", 1)
        finally:
            file.seek(0)

    @staticmethod
    def check_decodes(file) -> None:
        """Decode every frame once, so a truncated file is a form error, not a later 500."""
        file.seek(0)
        try:
            with PillowImage.open(file) as image:
                for frame in ImageSequence.Iterator(image):
                    frame.load()
        except DECODER_ERRORS as exc:
            raise ValidationError(
                _("The image file is damaged or incomplete. Save it again and upload the copy."),
                code="image_damaged",
            ) from exc
        finally:
            file.seek(0)


class SafeImageForm(BaseImageForm):
    """Wagtail's image form with ``SafeImageField`` for the file."""

    file = SafeImageField(label=_("File"))

from django.db import models


class ResourceType(models.TextChoices):
    """What a resource is; citation styles and structured data map each to their own types."""

    REPORT = "report", "Report"
    BRIEF = "brief", "Brief"
    CASE_STUDY = "case-study", "Case study"
    TOOL = "tool", "Toolkit or tool"
    SURVEY = "survey", "Survey"
    UPDATE = "update", "Update"
    PAPER = "paper", "Paper"
    MEDIA = "media", "Video or audio"

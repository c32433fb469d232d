import json

from botocore.exceptions import ClientError
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

# Renditions are what pages show; originals and documents stay readable by the application only.
PUBLIC_PREFIXES = ["images/"]


def public_read_policy(bucket):
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "RenditionsArePublic",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [f"arn:aws:s3:::{bucket}/{prefix}*" for prefix in PUBLIC_PREFIXES],
            }
        ],
    }


class Command(BaseCommand):
    help = (
        "Create the media bucket named by AWS_STORAGE_BUCKET_NAME if it is missing, and set its "
        "policy: anonymous visitors may read image renditions and nothing else. For the local "
        "S3-compatible service; a production bucket is usually set up by its own tooling."
    )

    def handle(self, **options):
        bucket_name = getattr(default_storage, "bucket_name", None)
        if not bucket_name:
            raise CommandError("Media are stored locally: set AWS_STORAGE_BUCKET_NAME to use a bucket.")
        client = default_storage.connection.meta.client
        try:
            client.head_bucket(Bucket=bucket_name)
        except ClientError:
            region = client.meta.region_name
            # us-east-1, S3's first region, is the one that takes no location constraint.
            where = {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
            client.create_bucket(Bucket=bucket_name, **where)
            self.stdout.write(f"Bucket {bucket_name} created.")
        client.put_bucket_policy(Bucket=bucket_name, Policy=json.dumps(public_read_policy(bucket_name)))
        self.stdout.write(f"Bucket {bucket_name}: image renditions public, everything else private.")

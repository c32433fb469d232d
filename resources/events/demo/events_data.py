"""What the demo calendar says. The past events are the real ones of the content brief, with
only the facts it gives (their times and venues are not known, so they show as all-day
events without a place); the others are samples, labelled as such, dated from the load day."""

import datetime

SERIES = [
    (
        "working-in-america",
        "Working in America",
        "Public conversations about work in the United States today: who does it, what it pays and how "
        "it could be better.",
        "<p>Each discussion in the <b>Working in America</b> series puts a question about American jobs to "
        "people who see it from different sides: workers, employers, researchers and policymakers.</p>",
    ),
    (
        "reinventing-low-wage-work",
        "Reinventing Low-Wage Work",
        "Roundtables, one industry at a time, on how jobs at the bottom of the pay scale could become good jobs.",
        "<p>The <b>Reinventing Low-Wage Work</b> series began in 2012 with roundtables on restaurant jobs "
        "and on direct-care work. Each roundtable focuses on one industry, and the series released "
        "industry profiles of direct care, residential construction, restaurants and retail.</p>",
    ),
]

SPEAKERS = [
    ("penny-pritzker", "Penny Pritzker", "<p>Spoke at the launch of the Communities that Work Partnership.</p>"),
    ("walter-isaacson", "Walter Isaacson", "<p>Spoke at the launch of the Communities that Work Partnership.</p>"),
    ("maureen-conway", "Maureen Conway", "<p>Author of research on sector strategies.</p>"),
    (
        "jay-williams",
        "Jay Williams",
        "<p>Gave opening remarks at the launch of the Communities that Work Partnership.</p>",
    ),
]

PAST_EVENTS = [
    {
        "slug": "from-fast-food-to-fine-cuisine",
        "title": "From Fast Food to Fine Cuisine",
        "series": "reinventing-low-wage-work",
        "start_date": datetime.date(2012, 3, 7),
        "topics": ["industry-specific", "job-quality"],
        "introduction": "The first roundtable of Reinventing Low-Wage Work: what jobs in restaurants are like, "
        "and how they could become better jobs.",
        "body": [
            "Restaurants employ a great many low-wage workers. The first roundtable of the series asked what "
            "it would take for more of these jobs, from fast food counters to fine dining kitchens, to offer "
            "a decent living and a way up.",
        ],
        "documents": [
            (
                "Industry profile: restaurants",
                [
                    "Sample document standing in for the restaurant industry profile",
                    "released with the Reinventing Low-Wage Work series.",
                ],
            )
        ],
    },
    {
        "slug": "better-care-through-better-jobs",
        "title": "Better Care through Better Jobs",
        "series": "reinventing-low-wage-work",
        "start_date": datetime.date(2012, 5, 3),
        "topics": ["industry-specific", "job-quality"],
        "introduction": "The second roundtable of Reinventing Low-Wage Work, on direct-care workers and the "
        "quality of their jobs.",
        "body": [
            "Direct-care workers help older people and people with disabilities with the tasks of daily "
            "life. The second roundtable of the series discussed how better jobs for these workers and "
            "better care for the people they serve go together.",
        ],
        "documents": [
            (
                "Industry profile: direct care",
                [
                    "Sample document standing in for the direct-care industry profile",
                    "released with the Reinventing Low-Wage Work series.",
                ],
            )
        ],
    },
    {
        "slug": "launch-of-the-communities-that-work-partnership",
        "title": "Launch of the Communities that Work Partnership",
        "start_date": datetime.date(2015, 4, 27),
        "topics": ["sector-approach"],
        "introduction": "With the US Economic Development Administration, we launched a partnership that helps "
        "regions bring economic development and workforce development together.",
        "body": [
            "The Communities that Work Partnership joins the Workforce Strategies Initiative and the US "
            "Economic Development Administration. At its launch, Maureen Conway and Jay Williams gave the "
            "opening remarks, and Penny Pritzker and Walter Isaacson spoke.",
            "<i>Sample content: the audio file below is a short tone standing in for the recording.</i>",
        ],
        "speakers": [
            ("maureen-conway", "Opening remarks"),
            ("jay-williams", "Opening remarks"),
            ("penny-pritzker", "Speaker"),
            ("walter-isaacson", "Speaker"),
        ],
        "audio_recording": True,
        "transcript": "<p><i>Sample content.</i> The transcript of the launch recording goes here. The "
        "recording opens with remarks by Maureen Conway and Jay Williams, followed by Penny Pritzker and "
        "Walter Isaacson.</p>",
        "related_pages": ["communities-that-work-partnership"],
    },
]

SAMPLE_REGISTRATION = "https://example.org/register"
SAMPLE_WEBINAR = "https://example.org/webinar"

SAMPLE_EVENTS = [
    {
        "slug": "webinar-measuring-business-value",
        "title": "Webinar: Measuring What Workforce Programmes Are Worth to Employers",
        "in_days": 5,
        "start_time": datetime.time(13, 0),
        "end_time": datetime.time(14, 0),
        "online_url": SAMPLE_WEBINAR,
        "registration_url": SAMPLE_REGISTRATION,
        "topics": ["value-to-business"],
        "introduction": "An online walk-through of how a workforce organisation can assess the value its "
        "services bring to the businesses it serves.",
    },
    {
        "slug": "what-makes-a-job-a-good-job",
        "title": "What Makes a Job a Good Job?",
        "series": "working-in-america",
        "in_days": 12,
        "start_time": datetime.time(12, 0),
        "end_time": datetime.time(13, 0),
        "online_url": SAMPLE_WEBINAR,
        "registration_url": SAMPLE_REGISTRATION,
        "registration_deadline_in_days": 10,
        "topics": ["job-quality"],
        "introduction": "A conversation about pay, hours, benefits and the chance to advance, and which of them "
        "matter most to workers.",
    },
    {
        "slug": "retail-jobs-roundtable",
        "title": "Retail Jobs Roundtable",
        "series": "reinventing-low-wage-work",
        "in_days": 18,
        "venue_name": "Sample venue",
        "address": "Washington, DC",
        "topics": ["industry-specific", "job-quality"],
        "introduction": "A day-long roundtable on jobs in retail: schedules, training and paths to better pay.",
    },
    {
        "slug": "jobs-in-logistics",
        "title": "Jobs in Logistics",
        "series": "working-in-america",
        "in_days": 28,
        "start_time": datetime.time(15, 0),
        "end_time": datetime.time(16, 30),
        "venue_name": "Sample venue",
        "address": "Washington, DC",
        "status": "cancelled",
        "status_note": "Sample: this event shows how a cancelled event looks.",
        "topics": ["industry-specific"],
        "introduction": "Warehouses and delivery networks hire many workers. What do these jobs offer, and how "
        "could they offer more?",
    },
    {
        "slug": "stable-schedules-in-hourly-work",
        "title": "Stable Schedules in Hourly Work",
        "series": "working-in-america",
        "in_days": 40,
        "start_time": datetime.time(14, 0),
        "end_time": datetime.time(16, 0),
        "venue_name": "Sample venue",
        "address": "Washington, DC",
        "online_url": SAMPLE_WEBINAR,
        "registration_url": SAMPLE_REGISTRATION,
        "topics": ["job-quality", "worker-outcomes"],
        "introduction": "In person and online: how predictable hours affect workers' lives and employers' results.",
    },
    {
        "slug": "hospitality-jobs",
        "title": "Hospitality Jobs",
        "series": "reinventing-low-wage-work",
        "in_days": 55,
        "start_time": datetime.time(14, 0),
        "end_time": datetime.time(15, 30),
        "venue_name": "Sample venue",
        "address": "Washington, DC",
        "status": "postponed",
        "status_note": "A new date will be announced.",
        "topics": ["industry-specific"],
        "introduction": "A roundtable on hotel and hospitality work and the career ladders within it.",
    },
    {
        "slug": "regional-partnerships-in-manufacturing",
        "title": "Regional Partnerships in Manufacturing",
        "series": "working-in-america",
        "in_days": 75,
        "time_zone": "America/Chicago",
        "start_time": datetime.time(10, 0),
        "end_time": datetime.time(11, 30),
        "online_url": SAMPLE_WEBINAR,
        "status": "moved_online",
        "status_note": "Planned in person in Chicago, now online only.",
        "topics": ["sector-approach", "systems-change"],
        "introduction": "How employers, colleges and community organisations in one region train people for "
        "manufacturing careers together.",
    },
    {
        "slug": "construction-pre-apprenticeship",
        "title": "Preparing for Construction Apprenticeships",
        "series": "reinventing-low-wage-work",
        "in_days": 100,
        "time_zone": "America/Los_Angeles",
        "start_time": datetime.time(13, 0),
        "end_time": datetime.time(14, 30),
        "venue_name": "Sample venue",
        "address": "Los Angeles, CA",
        "topics": ["industry-specific", "sector-and-community-college"],
        "introduction": "What pre-apprenticeship programmes do to prepare job seekers for apprenticeships in "
        "construction.",
    },
    {
        "slug": "careers-in-care",
        "title": "Careers in Care",
        "series": "working-in-america",
        "in_days": -20,
        "start_time": datetime.time(12, 0),
        "end_time": datetime.time(13, 0),
        "online_url": SAMPLE_WEBINAR,
        "topics": ["job-quality"],
        "introduction": "A look at the paths from entry-level care jobs to better-paid work in healthcare.",
    },
    {
        "slug": "residential-construction-jobs",
        "title": "Residential Construction Jobs",
        "series": "reinventing-low-wage-work",
        "in_days": -45,
        "start_time": datetime.time(14, 0),
        "end_time": datetime.time(15, 30),
        "venue_name": "Sample venue",
        "address": "Washington, DC",
        "topics": ["industry-specific"],
        "introduction": "A roundtable on jobs in home building and what would make them better jobs.",
    },
]

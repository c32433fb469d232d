"""The library's demo items: the initiative's real publications (facts from the content brief,
summaries in our own words), then sample items that say plainly that they are samples."""

import datetime

# Authors are People slugs, or "@Name" for an organisation credited as the author. Report
# numbers are those the titles carry; no DOI is given, as none is known for these publications.
PUBLICATIONS = [
    {
        "slug": "sectoral-strategies-lessons-from-the-field",
        "title": "Sectoral Strategies for Low-Income Workers: Lessons from the Field",
        "type": "report",
        "date": (datetime.date(2007, 10, 22), "year"),
        "authors": ["maureen-conway", "amy-blair", "steven-l-dawson", "linda-dworak-munoz"],
        "topics": ["sector-approach", "systems-change"],
        "funders": ["Charles Stewart Mott Foundation"],
        "introduction": "What sector initiatives in six cities teach about helping low-income workers and "
        "changing the systems around them.",
        "summary": "Case studies of sector initiatives in the Bronx, Charlotte, Chicago, Austin, Las Vegas and "
        "Seattle show how programmes that know one industry well serve both workers and employers. The report "
        "was announced on 22 October 2007 and was funded by the Mott Foundation.",
        "findings": [
            "Sector initiatives work on two sides at once: the workers they train and the employers who hire them.",
            "Lasting results come from changing industry practices, training systems and public policy, not only "
            "from training individuals.",
        ],
        "pdf": True,
    },
    {
        "slug": "sedlp-research-brief-1",
        "title": "SEDLP Research Brief No. 1: Key Findings from the Baseline Survey of Participants",
        "type": "brief",
        "date": (datetime.date(2000, 7, 1), "month"),
        "authors": ["lily-zandniapour", "ade"],
        "report_number": "1",
        "topics": ["worker-outcomes"],
        "funders": ["Ford Foundation", "Annie E. Casey Foundation", "Charles Stewart Mott Foundation"],
        "introduction": "Who enrolled in six sectoral programmes, and where they stood before training.",
        "summary": "The Sectoral Employment Development Learning Project (SEDLP) ran from 1997 to 2002. This first "
        "brief describes the 732 trainees of six sectoral programmes at the start of their training, the "
        "baseline against which later reports measure their progress.",
        "findings": ["The baseline survey covers 732 trainees in six sectoral programmes."],
        "pdf": True,
    },
    {
        "slug": "gaining-ground",
        "title": "SEDLP Research Report No. 3: Gaining Ground",
        "type": "report",
        "report_number": "3",
        "date": (None, "year"),
        "authors": [],
        "topics": ["worker-outcomes"],
        "funders": ["Ford Foundation", "Annie E. Casey Foundation", "Charles Stewart Mott Foundation"],
        "introduction": "How the earnings and benefits of sector programme participants changed in the two "
        "years after training.",
        "summary": "The Sectoral Employment Development Learning Project followed participants of six sector "
        "initiatives. This report compares their earnings and health insurance after training with the year "
        "before they enrolled.",
        "findings": [
            "Average annual earnings rose by more than $7,000 one year after training, against the year before "
            "training.",
            "Two years after training, average annual earnings were $10,000 higher than in the year before training.",
            "78% had health insurance from their employer one year after training, against 50% in the year before.",
        ],
        "pdf": True,
    },
    {
        "slug": "business-value-assessment-handbook",
        "title": "Business Value Assessment for Workforce Development Organizations (Handbook) v1.0",
        "type": "tool",
        "date": (datetime.date(2005, 10, 1), "month"),
        "authors": [],
        "topics": ["value-to-business"],
        "introduction": "A handbook for workforce organisations that want to measure what their services are "
        "worth to the businesses they serve.",
        "summary": "The handbook grew out of a two-year learning collaborative of nine partnerships between "
        "sector programmes and businesses. It walks an organisation through choosing what to measure, "
        "collecting the data with its business customers and reporting the results.",
        "findings": ["Built and tested with nine sector–business partnerships over two years."],
        "pdf": True,
    },
    {
        "slug": "sectoral-workforce-development-research-review",
        "title": "Sectoral Workforce Development: Research Review and Future Directions",
        "type": "report",
        "date": (datetime.date(2004, 1, 1), "year"),
        "authors": ["maureen-conway", "linda-dworak-munoz", "amy-blair"],
        "topics": ["sector-approach"],
        "introduction": "Where research on sector strategies stood in 2004, and what the field wanted to learn next.",
        "summary": "The proceedings of two meetings, held on 21–22 April and 21 May 2004, where researchers, "
        "practitioners and funders reviewed the evidence on sectoral workforce development and set out "
        "questions for future research.",
        "findings": [],
    },
    {
        "slug": "courses-to-employment",
        "title": "Courses to Employment: Partnering to Create Paths to Education and Careers",
        "type": "report",
        "date": (datetime.date(2012, 1, 1), "year"),
        "authors": ["maureen-conway", "amy-blair", "matt-helmer"],
        "topics": ["sector-and-community-college", "worker-outcomes"],
        "introduction": "Six partnerships between community colleges and nonprofit organisations, and what "
        "their students achieved.",
        "summary": "From 2008 to 2011 we followed six college–nonprofit partnerships in Los Angeles, Chicago, "
        "Flint, Austin, Seattle and Northern Virginia. Together they helped adult students earn credentials "
        "and find work in fields such as automobile manufacturing, nursing and allied health, bus operation "
        "and office administration, during a deep recession.",
        "findings": [
            "Many students earned credits, certificates and degrees.",
            "Many found quality jobs, raised their earnings and kept their jobs through the recession.",
        ],
        "pdf": True,
    },
    {
        "slug": "courses-to-employment-update-4",
        "title": "Courses to Employment Update No. 4",
        "type": "update",
        "report_number": "4",
        "date": (datetime.date(2013, 2, 1), "month"),
        "authors": [],
        "topics": ["sector-and-community-college"],
        "introduction": "How adult learners find their way through college and into the labour market.",
        "summary": "The fourth update from the Courses to Employment project looks at the choices adult "
        "learners make as they combine study, work and family.",
        "findings": [],
    },
    {
        "slug": "systems-change-survey-of-program-activities",
        "title": "Systems Change: A Survey of Program Activities",
        "type": "survey",
        "date": (datetime.date(2006, 1, 1), "year"),
        "authors": ["@Aspen Institute Workforce Strategies Initiative"],
        "topics": ["systems-change"],
        "introduction": "What 227 sector initiative leaders told us about changing the systems their workers "
        "and employers depend on.",
        "summary": "In 2006 we surveyed 227 leaders of sector initiatives about their work beyond training: "
        "influencing industry practices, education and training systems, and public policy.",
        "findings": [
            "93% of the 227 leaders called systems change a priority.",
            "86% of the 227 leaders provided or coordinated case management and social services.",
        ],
    },
    {
        "slug": "construction-pre-apprenticeship-programs-survey",
        "title": "Construction Pre-Apprenticeship Programs Survey",
        "type": "survey",
        "date": (datetime.date(2009, 4, 1), "month"),
        "authors": [],
        "topics": ["industry-specific"],
        "introduction": "How programmes prepare job seekers to enter construction apprenticeships.",
        "summary": "A survey of pre-apprenticeship programmes in construction: who they serve, what they teach "
        "and how they connect people to registered apprenticeships.",
        "findings": [],
    },
    {
        "slug": "industry-profiles-low-wage-work",
        "title": "Industry Profiles: Direct Care, Residential Construction, Restaurants and Retail",
        "type": "brief",
        "date": (datetime.date(2012, 1, 1), "year"),
        "authors": [],
        "topics": ["industry-specific", "job-quality"],
        "introduction": "Four short profiles of industries with many low-wage jobs, written with partner "
        "organisations.",
        "summary": "Released in 2012 and 2013 alongside the Reinventing Low-Wage Work series of public "
        "discussions, the profiles describe jobs, wages and paths to advancement in direct care, residential "
        "construction, restaurants and retail.",
        "findings": [],
    },
    {
        "slug": "a-new-measure-deserves-a-new-way-of-measuring",
        "title": "A New Measure Deserves a New Way of Measuring",
        "type": "paper",
        "date": (datetime.date(2015, 2, 1), "month"),
        "authors": ["maureen-conway", "vickie-choitz"],
        "topics": ["value-to-business"],
        "introduction": "An approach to the new WIOA measure of how effectively the workforce system serves employers.",
        "summary": "The Workforce Innovation and Opportunity Act asks the workforce system to measure its "
        "effectiveness in serving employers. This paper proposes how that measure could be defined and "
        "collected.",
        "findings": [],
    },
    {
        "slug": "restore-the-promise-of-work",
        "title": "Restore the Promise of Work",
        "type": "brief",
        "date": (datetime.date(2016, 2, 1), "month"),
        "authors": [],
        "topics": ["job-quality"],
        "partners": ["PHI"],
        "introduction": "Raise the floor and build ladders: a call, written with PHI, to make work pay again.",
        "summary": "Written with PHI, this brief argues for raising the floor of job quality for all workers "
        "and building ladders so that they can advance.",
        "findings": [],
    },
]

SAMPLE_NOTE = "Sample content for the demo site, not a publication of the initiative."

SAMPLES = [
    (
        "sample-case-study-hospital-career-ladder",
        "Sample case study: a hospital career ladder",
        "case-study",
        2010,
        ["industry-specific", "worker-outcomes"],
    ),
    (
        "sample-toolkit-employer-advisory-group",
        "Sample toolkit: planning an employer advisory group",
        "tool",
        2014,
        ["value-to-business", "sector-approach"],
    ),
    (
        "sample-recording-job-quality-webinar",
        "Sample recording: a webinar on job quality",
        "media",
        2019,
        ["job-quality"],
    ),
    (
        "sample-paper-measuring-job-quality",
        "Sample paper: measuring job quality in entry-level work",
        "paper",
        2018,
        ["job-quality", "value-to-business"],
    ),
    (
        "sample-brief-support-services",
        "Sample brief: support services that keep trainees on track",
        "brief",
        2009,
        ["worker-outcomes", "sector-approach"],
    ),
    (
        "sample-case-study-manufacturing-college",
        "Sample case study: a manufacturing partnership with a college",
        "case-study",
        2011,
        ["sector-and-community-college", "industry-specific"],
    ),
    (
        "sample-update-learning-exchange",
        "Sample update: notes from a learning exchange",
        "update",
        2016,
        ["systems-change"],
    ),
    (
        "sample-survey-employer-views",
        "Sample survey: employers' views of sector programmes",
        "survey",
        2003,
        ["value-to-business"],
    ),
    (
        "sample-report-two-decades",
        "Sample report: two decades of sector strategies",
        "report",
        2021,
        ["sector-approach", "systems-change"],
    ),
]

/** English word pools of the resume generator (US, European and Russian-abroad variants). */

import { CURRENCY, type Cefr, type FmcgCat, type Level, type Pool, type Region, type ResumeProfile, type Track } from './base.js';

export const EN_FIRST_MALE = [
  'James',
  'Michael',
  'David',
  'Daniel',
  'Matthew',
  'Andrew',
  'Ryan',
  'Kevin',
  'Brian',
  'Jason',
  'Eric',
  'Thomas',
  'Christopher',
  'Joshua',
  'Nathan',
  'Tyler',
  'Brandon',
  'Justin',
  'Aaron',
  'Adam',
  'Carlos',
  'Luis',
  'Marco',
  'Lucas',
  'Noah',
  'Ethan',
  'Owen',
  'Samuel',
  'Benjamin',
  'Patrick',
  'Sean',
  'Raj',
  'Vikram',
  'Tomasz',
  'Piotr',
  'Jonas',
];
export const EN_FIRST_FEMALE = [
  'Emily',
  'Sarah',
  'Jessica',
  'Ashley',
  'Jennifer',
  'Amanda',
  'Laura',
  'Megan',
  'Rachel',
  'Olivia',
  'Hannah',
  'Lauren',
  'Nicole',
  'Stephanie',
  'Rebecca',
  'Katherine',
  'Emma',
  'Grace',
  'Chloe',
  'Sophia',
  'Isabella',
  'Natalie',
  'Victoria',
  'Priya',
  'Ana',
  'Sofia',
  'Maria',
  'Elena',
  'Agnieszka',
  'Julia',
  'Claire',
  'Alicia',
];
export const EN_LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Miller',
  'Davis',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Martin',
  'Jackson',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Robinson',
  'Walker',
  'Hall',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Green',
  'Baker',
  'Adams',
  'Nelson',
  'Carter',
  'Mitchell',
  'Roberts',
  'Turner',
  'Phillips',
  'Campbell',
  'Parker',
  'Evans',
  'Edwards',
  'Collins',
  'Stewart',
  'Morris',
  'Murphy',
  'Cook',
  'Rogers',
  'Morgan',
  'Cooper',
  'Peterson',
  'Reed',
  'Bailey',
  'Bell',
  'Kelly',
  'Howard',
  'Ward',
  'Cox',
  'Richardson',
  'Wood',
  'Watson',
  'Brooks',
  'Bennett',
  'Gray',
  'Hughes',
  'Price',
  'Sanders',
  'Myers',
  'Long',
  'Ross',
  'Foster',
  'Patel',
  'Nguyen',
  'Garcia',
  'Martinez',
  'Lopez',
  'Hernandez',
  'Gonzalez',
  'Rivera',
  'Kowalski',
  'Nowak',
  'Novak',
  'Schneider',
  'Fischer',
  'Weber',
  'Rossi',
  'Costa',
  'Silva',
  'Okafor',
  'Mensah',
  'Sharma',
  'Gupta',
  'Chen',
  'Wang',
  'Kim',
  'Park',
];

export const EMAIL_DOMAINS_EN = ['example.com', 'example.org', 'mail.example', 'example.net'];

export const US_AREA = ['312', '404', '214', '612', '513', '479', '704', '303', '614', '415', '617', '206', '212', '972', '602'];

export const US_CITIES = [
  'Chicago, IL',
  'Atlanta, GA',
  'Dallas, TX',
  'Minneapolis, MN',
  'Cincinnati, OH',
  'Bentonville, AR',
  'Charlotte, NC',
  'Denver, CO',
  'Columbus, OH',
  'Phoenix, AZ',
  'Boston, MA',
  'Seattle, WA',
];
export const EU_CITIES = [
  'London, England, United Kingdom',
  'Manchester, England, United Kingdom',
  'Warsaw, Mazowieckie, Poland',
  'Berlin, Germany',
  'Dubai, United Arab Emirates',
  'Prague, Czechia',
  'Amsterdam, North Holland, Netherlands',
];

/** LinkedIn shortens a job's location to «City, Country». */
export const EU_JOB_CITIES = EU_CITIES.map((c) => {
  const parts = c.split(', ');
  return `${parts[0] ?? c}, ${parts[parts.length - 1] ?? c}`;
});
export const EN_PRODUCERS: readonly (readonly [string, FmcgCat])[] = [
  ['Northwind Dairy', 'dairy'],
  ['Bluecrest Beverages', 'drinks'],
  ['Golden Oak Confectionery', 'confectionery'],
  ['Harvest Valley Snacks', 'snacks'],
  ['Brightway Household Products', 'household'],
  ['Clearbrook Personal Care', 'cosmetics'],
  ['Redwood Pet Food', 'pet'],
  ['Little Sprout Baby Food', 'baby'],
  ['Stonebridge Brewing', 'beer'],
  ['Meadowlark Foods', 'food'],
  ['Silver Lake Beverage Co.', 'drinks'],
  ['Prairie Gold Dairy', 'dairy'],
  ['Copperleaf Snacks', 'snacks'],
  ['Evergreen Home Care', 'household'],
];
export const EN_DISTRIBUTORS = [
  'Keystone Food Distributors',
  'Allied Grocery Distribution',
  'Crossroads Beverage Distributors',
  'Northern Foodservice Supply',
];
export const EN_B2B: readonly (readonly [string, string])[] = [
  ['Summit Building Supply', 'building materials'],
  ['Vector Telecom', 'telecom services'],
  ['Apex Office Solutions', 'office supplies'],
  ['Keystone Industrial Parts', 'industrial parts'],
  ['Bluewave Software', 'software licenses'],
  ['Ironclad Packaging', 'packaging'],
];
export const EN_RETAIL = ['FreshMart Grocery', 'Corner Market', 'ValueWay Stores', 'GreenBasket Supermarkets'];
/** Name and the one-line description an English resume puts under it. */
export const EN_OFF: Readonly<Record<Track, readonly (readonly [string, string])[]>> = {
  acc: [
    ['First Harbor Bank', 'Regional bank and leasing company.'],
    ['Crestview Property Group', 'Property management group with 40 buildings.'],
    ['Lakeshore Utilities', 'Electricity and gas retailer.'],
    ['Baxter & Lane Audit', 'Mid-size audit and advisory firm.'],
  ],
  log: [
    ['Clearpath Logistics', 'Third-party logistics provider with 6 warehouses.'],
    ['Transline Freight', 'Freight forwarding and trucking company.'],
    ['Eastgate Warehousing', 'Contract warehousing for e-commerce sellers.'],
  ],
  it: [
    ['Nimbus Software', 'B2B software company building ERP add-ons.'],
    ['Brightbyte Labs', 'Mobile and web development studio.'],
    ['Quantum Data Systems', 'Data and analytics consultancy.'],
  ],
  law: [
    ['Morgan & Pratt LLP', 'Commercial law firm.'],
    ['Crestview Property Group', 'Real estate developer and property manager.'],
    ['Halvorsen Legal', 'Boutique employment and contract law practice.'],
  ],
  tech: [
    ['Ironbridge Engineering', 'Industrial equipment manufacturer.'],
    ['Ironclad Packaging', 'Packaging materials manufacturer.'],
    ['Northfield Plastics', 'Injection-molded parts for the auto industry.'],
  ],
};

export const EN_CHAINS: Readonly<Record<Region, readonly string[]>> = {
  ru: ['X5 Retail Group', 'Magnit', 'Lenta', 'Auchan', 'Metro Cash & Carry', 'Dixy', "O'Key", 'VkusVill'],
  us: ['Walmart', 'Target', 'Kroger', 'Costco', 'Albertsons', 'Publix', "Sam's Club", 'Walgreens', 'CVS', 'Dollar General'],
  eu: ['Tesco', "Sainsbury's", 'Carrefour', 'Auchan', 'Lidl', 'Aldi', 'Asda', 'Biedronka', 'REWE', 'Albert Heijn'],
};
export const EN_CRM = ['Salesforce', 'Microsoft Dynamics 365', 'SAP CRM', 'HubSpot', 'Pipedrive'];
export const TITLES_EN: Readonly<Record<Exclude<Level, 'off'>, readonly string[]>> = {
  rep: ['Sales Representative', 'Territory Sales Representative', 'Field Sales Representative', 'Sales Executive'],
  sup: ['Sales Supervisor', 'Area Sales Manager', 'Territory Manager', 'Regional Sales Manager'],
  kam: [
    'Key Account Manager',
    'Key Account Manager',
    'Senior Key Account Manager',
    'National Account Manager',
    'Customer Business Manager',
    'Key Account Executive',
  ],
  b2b: ['Account Manager', 'Sales Manager', 'Business Development Manager', 'Inside Sales Representative'],
  retail: ['Merchandiser', 'Store Associate', 'Customer Service Representative', 'Cashier'],
};
export const OFF_TITLES_EN: Readonly<Record<Track, readonly string[]>> = {
  acc: ['Staff Accountant', 'Accountant', 'Senior Accountant', 'Financial Analyst'],
  log: ['Logistics Analyst', 'Warehouse Operator', 'Supply Chain Analyst'],
  it: ['Software Developer', 'Software Engineer', 'Senior Software Engineer', 'QA Engineer', 'Data Analyst'],
  law: ['Lawyer', 'Associate Attorney'],
  tech: ['Process Engineer', 'Quality Engineer', 'Mechanical Engineer'],
};

export const EN_POOLS: Readonly<Record<Level, Pool>> = {
  kam: {
    ka: [
      (c) => {
        const [a, b] = c.twoChains();
        return `Lead the ${a} and ${b} accounts with an annual turnover of ${CURRENCY[c.region](c.r.int(12, 60))}.`;
      },
      (c) => `Managed a portfolio of ${c.r.int(5, 14)} key accounts across modern trade.`,
      (c) => `Secured ${c.r.int(4, 30)} new listings at ${c.chain()} for the ${c.cat} range.`,
    ],
    kpi: [
      (c) => `Grew net sales by ${c.r.int(6, 25)}% YoY in ${c.year} and delivered ${c.r.int(101, 112)}% of the annual plan.`,
      (c) => `Raised share of shelf by ${c.r.int(2, 6)} pts and promo ROI by ${c.r.int(10, 40)}%.`,
      (c) => `Cut overdue receivables by ${c.r.int(15, 50)}% through monthly account reviews.`,
    ],
    crm: [(c) => `Ran account forecasting and the opportunity pipeline in ${c.crm}.`],
    misc: [
      () => 'Negotiated annual joint business plans, trade terms and promo calendars.',
      () => 'Built promo plans with category teams using Nielsen and retailer POS data.',
      () => 'Worked with supply chain on OTIF and out-of-stock issues; resolved deductions.',
      () => 'Led quarterly business reviews with buyers and category managers.',
      () => 'Built the annual account plan: volume, trade spend, listings and promo calendar.',
      () => 'Analyzed sell-out, pricing and competitor activity to find growth opportunities.',
      () => 'Coordinated marketing, supply chain and finance on account needs.',
      () => 'Launched e-commerce listings and content for online grocery.',
    ],
  },
  sup: {
    ka: [(c) => `Covered independent grocers and regional chains, including ${c.chain()}.`],
    kpi: [
      (c) => `Raised numeric distribution from ${c.r.int(45, 65)}% to ${c.r.int(70, 90)}%.`,
      (c) => `Delivered ${c.r.int(100, 115)}% of the regional volume target in ${c.year}.`,
    ],
    crm: [(c) => `Tracked team visits and orders in ${c.crm}.`],
    misc: [
      (c) => `Managed a team of ${c.r.int(4, 12)} sales reps covering ${c.r.int(200, 900)} outlets.`,
      () => 'Coached new reps in the field and ran weekly performance reviews.',
      () => 'Ran monthly incentive programs for the sales team.',
      () => 'Built route plans and visit frequency by outlet potential.',
      () => 'Reported weekly KPIs to the regional sales manager.',
    ],
  },
  rep: {
    ka: [() => 'Called on independent stores and local grocery chains.'],
    kpi: [
      (c) => `Covered ${c.r.int(60, 160)} outlets; exceeded the volume target by ${c.r.int(3, 20)}%.`,
      (c) => `Opened ${c.r.int(10, 60)} new accounts in the territory.`,
    ],
    crm: [(c) => `Used the ${c.crm} mobile app for orders and visit reports.`],
    misc: [
      () => 'Maintained planograms, pricing and secondary displays.',
      () => 'Presented new products and seasonal promotions to store managers.',
      () => 'Collected orders and payments; kept receivables within terms.',
      () => 'Ran in-store tastings and seasonal display contests.',
      () => 'Planned daily routes to cover a dozen stores a day.',
    ],
  },
  b2b: {
    ka: [(c) => `Handled key customers of the branch, including supply contracts with ${c.chain()}.`],
    kpi: [(c) => `Closed ${c.r.int(95, 130)}% of quota in ${c.year}.`, (c) => `Grew territory revenue by ${c.r.int(8, 35)}%.`],
    crm: [(c) => `Managed the pipeline and forecasts in ${c.crm}.`],
    misc: [
      (c) => `Sold ${c.cat} to ${c.r.int(30, 120)} business customers.`,
      () => 'Prepared proposals and tender documentation.',
      () => 'Negotiated annual contracts and payment terms.',
      () => 'Ran product demos and trade show meetings.',
      () => 'Prospected new accounts by phone, e-mail and referrals.',
    ],
  },
  retail: {
    ka: [],
    kpi: [],
    crm: [],
    misc: [
      () => 'Served customers, stocked shelves and handled the register.',
      (c) => `Set up displays according to planograms in ${c.r.int(8, 30)} stores.`,
      () => 'Rotated stock and checked expiry dates.',
      () => 'Trained new cashiers on store procedures.',
      () => 'Built seasonal displays with vendor reps.',
    ],
  },
  off: { ka: [], kpi: [], crm: [], misc: [] },
};

export const EN_OFF_BULLETS: Readonly<Record<Track, Pool>> = {
  acc: {
    ka: [],
    kpi: [(c) => `Reduced month-end close from ${c.r.int(8, 12)} to ${c.r.int(4, 6)} days.`],
    crm: [],
    misc: [
      () => 'Handled accounts payable and receivable, reconciliations and the monthly close.',
      () => 'Prepared financial statements and supported the annual audit.',
      () => 'Maintained the fixed asset register and depreciation schedules.',
      () => 'Prepared cash flow forecasts and variance reports.',
      () => 'Reviewed expense reports and vendor invoices.',
    ],
  },
  log: {
    ka: [],
    kpi: [(c) => `Cut freight costs by ${c.r.int(5, 15)}%.`],
    crm: [],
    misc: [
      () => 'Planned inbound and outbound shipments and carrier schedules.',
      () => 'Maintained inventory records in the WMS.',
      () => 'Ran cycle counts and resolved inventory discrepancies.',
      () => 'Prepared import documentation with customs brokers.',
    ],
  },
  it: {
    ka: [],
    kpi: [(c) => `Cut page load time by ${c.r.int(20, 60)}%.`],
    crm: [],
    misc: [
      () => 'Built and maintained REST services in Java and PostgreSQL.',
      () => 'Set up CI/CD pipelines and automated tests.',
      () => 'Automated weekly reporting with Python and SQL.',
      () => 'Migrated legacy services to containers with zero downtime.',
      () => 'Reviewed code and mentored junior developers.',
    ],
  },
  law: {
    ka: [],
    kpi: [],
    crm: [],
    misc: [
      () => 'Drafted and negotiated supply and lease agreements.',
      () => 'Represented the company in commercial disputes.',
      () => 'Advised management on employment and data protection matters.',
      () => 'Ran contract reviews for procurement.',
    ],
  },
  tech: {
    ka: [],
    kpi: [(c) => `Reduced scrap rate by ${c.r.int(10, 40)}%.`],
    crm: [],
    misc: [
      () => 'Owned process documentation and line trials.',
      () => 'Led root-cause analysis for quality incidents.',
      () => 'Commissioned a new packaging line.',
      () => 'Prepared documentation for product certification.',
    ],
  },
};

export const EN_LINKEDIN_LEVEL: Readonly<Record<Cefr, string>> = {
  A1: 'Elementary',
  A2: 'Limited Working',
  B1: 'Professional Working',
  B2: 'Professional Working',
  C1: 'Full Professional',
};

export const EN_UNIS_RU = [
  'Plekhanov Russian University of Economics',
  'HSE University',
  'Saint Petersburg State University of Economics',
  'Ural Federal University',
  'Kazan Federal University',
  'Financial University under the Government of the Russian Federation',
];
export const EN_UNIS_US = [
  'University of Illinois at Urbana-Champaign',
  'Ohio State University',
  'University of Minnesota',
  'Georgia State University',
  'University of Texas at Dallas',
  'Arizona State University',
  'Indiana University Bloomington',
];
export const EN_UNIS_EU = [
  'University of Manchester',
  'University of Warsaw',
  'Warsaw School of Economics',
  'Humboldt University of Berlin',
  'University of Amsterdam',
  'Prague University of Economics and Business',
];
export const EN_FIELDS_SALES = ['Marketing', 'Business Administration', 'Economics', 'Management', 'Finance', 'Communications'];
export const EN_FIELDS_OFF: Readonly<Record<Track, readonly string[]>> = {
  acc: ['Accounting', 'Finance'],
  log: ['Supply Chain Management', 'Logistics'],
  it: ['Computer Science', 'Information Systems'],
  law: ['Law'],
  tech: ['Mechanical Engineering', 'Food Science'],
};
export const EN_COLLEGES = ['Harper College', 'Sinclair Community College', 'Valencia College', 'Austin Community College'];
export const EN_CERTS = [
  'Advanced Negotiation Techniques',
  'Key Account Management Essentials',
  'Category Management Fundamentals',
  'Revenue Growth Management',
  'Salesforce Certified Associate',
];
export const EN_COURSEWORK = [
  'Consumer Behavior',
  'Sales Management',
  'Marketing Analytics',
  'Business Statistics',
  'Microeconomics',
  'Financial Accounting',
  'Negotiation',
  'Supply Chain Fundamentals',
  'Business Communication',
];
export const EN_COURSEWORK_OFF: Readonly<Record<Track, readonly string[]>> = {
  acc: ['Intermediate Accounting', 'Auditing', 'Taxation', 'Corporate Finance', 'Business Statistics'],
  log: ['Operations Management', 'Supply Chain Fundamentals', 'Transportation Economics', 'Business Statistics'],
  it: ['Data Structures', 'Databases', 'Operating Systems', 'Software Engineering', 'Algorithms'],
  law: ['Contracts', 'Civil Procedure', 'Corporate Law', 'Legal Writing'],
  tech: ['Thermodynamics', 'Materials Science', 'Quality Control', 'Statics'],
};
export const EN_VOLUNTEER = [
  'Volunteer, City Harvest Food Bank: weekend food drives and warehouse shifts.',
  'Mentor, Junior Achievement: financial literacy classes for teenagers.',
  'Coach, community youth soccer league (under-12 team).',
  'Fundraising committee, local animal shelter.',
];
export const EN_INTERESTS = [
  'Trail running, home cooking and chess; finished the city half marathon twice.',
  'Photography, cycling and travel across Central and Eastern Europe.',
  'Basketball, podcasts about retail and consumer brands, woodworking.',
  'Yoga, gardening and volunteering at the neighborhood library.',
];
export const EN_AWARDS = [
  "President's Club for sales performance",
  'Top Performer of the Year, regional sales team',
  'Employee of the Quarter',
  'Best New Listing Launch award',
];
export const EN_AWARDS_OFF = ['Employee of the Quarter', "Dean's List", 'Team excellence award for the ERP migration'];
export const EN_CERTS_OFF: Readonly<Record<Track, readonly string[]>> = {
  acc: ['Certified Management Accountant (CMA)', 'IFRS Certificate'],
  log: ['APICS CSCP', 'Lean Six Sigma Green Belt'],
  it: ['AWS Certified Developer', 'Oracle Certified Professional, Java SE'],
  law: ['Certificate in Contract Management'],
  tech: ['Lean Six Sigma Green Belt', 'HACCP Certification'],
};

export const EN_SKILLS_JUNIOR = [
  'Customer Service',
  'Cold Calling',
  'Merchandising',
  'Excel',
  'Cash Handling',
  'Communication',
  'Product Demonstrations',
  'Inventory Control',
];
export const EN_SKILLS_SALES = [
  'Key Account Management',
  'Negotiation',
  'Trade Marketing',
  'Category Management',
  'Joint Business Planning',
  'Sales Planning',
  'Forecasting',
  'Nielsen',
  'Excel',
  'Power BI',
  'Revenue Growth Management',
  'Pricing',
  'Promotions',
  'Team Leadership',
  'Retail Execution',
];
export const EN_SKILLS_OFF: Readonly<Record<Track, readonly string[]>> = {
  acc: ['US GAAP', 'IFRS', 'Reconciliations', 'Excel', 'NetSuite', 'Accounts Payable', 'Budgeting', 'QuickBooks'],
  log: ['Inventory Management', 'WMS', 'Excel', 'Transportation Planning', 'SAP MM', 'Demand Planning', 'Incoterms'],
  it: ['Java', 'Python', 'SQL', 'PostgreSQL', 'Docker', 'Git', 'Kubernetes', 'REST APIs'],
  law: ['Contract Law', 'Litigation', 'Legal Research', 'Employment Law', 'Compliance', 'Negotiation', 'Due Diligence'],
  tech: ['Lean Manufacturing', 'Six Sigma', 'AutoCAD', 'HACCP', 'Root Cause Analysis', 'SPC', 'SolidWorks'],
};

export const EN_ABOUT = [
  'Results-driven and comfortable with tough negotiations.',
  'Strong analytical skills; advanced Excel and Power BI.',
  "Valid driver's license; open to regional travel.",
  'Interests: running, cooking, travel.',
  'Volunteer at a local food bank.',
  'Mentor for new hires in the onboarding program.',
  'Completed a half marathon in 2023; coach a youth soccer team on weekends.',
  'Comfortable presenting to senior buyers and leadership teams.',
  'Available to start within four weeks.',
  "Awards: President's Club for sales performance; Employee of the Quarter.",
  'Member of the local chamber of commerce networking group.',
  'Organized the annual charity run for our regional office.',
];

export const EN_SUMMARY_MORE: Readonly<Record<ResumeProfile, readonly string[]>> = {
  strong: [
    'Known for win-win negotiations and data-driven account plans.',
    'Experienced in joint business planning, trade terms and promo optimization.',
    'Comfortable with Nielsen, retailer POS data and Power BI.',
    'I build long-term relationships with buyers and category managers.',
  ],
  average: [
    'Experienced in contract negotiations and customer retention.',
    'Comfortable with CRM reporting and sales forecasting.',
    'Looking for a role with larger accounts and more ownership.',
  ],
  weak: [
    'Friendly, reliable and quick to learn.',
    'Good at building rapport with store staff and customers.',
    'Ready to travel within the region.',
  ],
  offtrack: [
    'Strong analytical and organizational skills.',
    'Used to working with sales and finance teams on tight deadlines.',
    'Fast learner with a structured approach.',
  ],
};

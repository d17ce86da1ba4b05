/**
 * Practical guidance for each ISO/IEC 27001:2022 Annex A control, written for this
 * project in our own words. It is NOT the text of ISO/IEC 27001 or ISO/IEC 27002 and
 * does not paraphrase it: it says what the control is about in practice and what an
 * auditor usually asks to see. Keyed by control id (`A.5.1` … `A.8.34`).
 */
export const GUIDANCE: Readonly<Record<string, string>> = Object.freeze({
  // Organizational (A.5)
  'A.5.1':
    'Write an overall information security policy and the topic policies that support it (access, backup, cryptography and so on), have leadership sign them off, make sure staff have read them and revisit them at least yearly. Auditors look for the approved documents, version history, acknowledgement records and minutes of the last review.',
  'A.5.2':
    'Make clear who is accountable for each part of information security, from the ISMS manager to asset and risk owners. Expect to show a roles and responsibilities matrix or RACI, job descriptions and appointment records that match what people actually do.',
  'A.5.3':
    'Split sensitive duties so that no single person can request, approve and carry out a risky action (for example, approving their own access or payments) unnoticed. Evidence is a list of conflicting duties, the role design that separates them, and compensating checks where a small team cannot separate them.',
  'A.5.4':
    'Line managers are expected to make security part of how their teams work, setting expectations, backing the policies and acting when they are ignored, rather than merely endorsing them. Auditors look for management briefings, objectives or appraisals that mention security, and examples of managers enforcing the rules.',
  'A.5.5':
    'Know in advance which regulators, law enforcement and supervisory bodies you would need to contact (for example for a data breach) and who is allowed to contact them. Show a maintained contact list, the notification procedure and any records of past contact.',
  'A.5.6':
    'Take part in communities that share security know-how, such as sector information-sharing groups (ISACs), vendor advisory lists and professional bodies, so your team stays current. Evidence includes memberships, subscriptions, event attendance and examples of what was learned being applied.',
  'A.5.7':
    'Follow what attackers are doing that could matter to you, using threat feeds, advisories and sector groups, judge how relevant it is and let it shape your risk assessment and defences. Auditors expect named sources, a triage routine and examples of actions taken as a result (blocked indicators, patched systems, updated risks).',
  'A.5.8':
    'Build security into every project, whatever its type, from initiation to closure: identify security requirements and risks early and track them. Show project templates or gates with a security step, and completed security assessments for recent projects.',
  'A.5.9':
    'Know what you have: keep a current register of your information and of the systems, devices, cloud services and data stores it lives in, and give each entry an accountable owner. Auditors sample the register against reality and check that owners know their responsibilities.',
  'A.5.10':
    'Define what people may and may not do with information and company assets, and how each classification level must be handled. Evidence is an acceptable use policy or handling rules, staff acknowledgements and how the rules are enforced.',
  'A.5.11':
    'When people leave or their contract ends, recover laptops, tokens, badges, documents and any data they hold. Auditors compare leaver records with asset return checklists and look for follow-up when something was not returned.',
  'A.5.12':
    'Sort information into classification levels according to its sensitivity and value, so that protection matches what is at stake. Show the classification scheme, who assigns levels, and examples of classified information assets.',
  'A.5.13':
    'Put labels on information (document headers, metadata, email tags, physical stickers) so that everyone can see its classification. Evidence is the labelling procedure and a sample of correctly labelled documents, systems or media.',
  'A.5.14':
    'Protect information whenever it moves, whether by email, file sharing, APIs, physical media or conversation, including agreements with the other party where needed. Auditors look for transfer rules, encryption or secure channels in use and data exchange agreements with third parties.',
  'A.5.15':
    'Decide who may access which information and systems based on business need and least privilege, and document those rules. Expect to show an access control policy, role definitions and evidence that access requests follow it.',
  'A.5.16':
    'Every person and service that uses your systems needs its own identity, created when needed, updated when roles change and disabled promptly when no longer required. Auditors sample joiners, movers and leavers from HR records against account changes, and look for shared or orphaned accounts.',
  'A.5.17':
    'Hand out passwords, keys and tokens securely, force a change of initial secrets, encourage password managers and make sure people know never to share or reuse them. Show the authentication standard, how secrets are issued and stored (vaults, managers) and the guidance given to users.',
  'A.5.18':
    'Every access right should trace back to an approved request, be checked by the system owner at regular reviews and disappear when it is no longer justified. Evidence is approved requests, access review records with the resulting removals, and prompt revocation for leavers.',
  'A.5.19':
    'Identify the security risks that come with using suppliers and set out how suppliers are selected, managed and exited. Auditors expect a supplier security policy, a register of suppliers with their criticality, and due-diligence records.',
  'A.5.20':
    'Write the security obligations that matter into supplier contracts: confidentiality, data protection, incident notification, audit rights, sub-contracting and return of data. Show a sample of contracts or data processing agreements containing these clauses.',
  'A.5.21':
    'Manage the risks that flow down the ICT supply chain, such as hardware, software components and the sub-suppliers behind your providers. Evidence includes supply chain requirements passed to suppliers, component provenance checks and assessments of critical providers.',
  'A.5.22':
    'Keep watching how suppliers perform against their security commitments and manage changes to the services they provide. Auditors look for service reviews, supplier certificates or audit reports that were actually read, and records of how supplier changes were assessed.',
  'A.5.23':
    'Treat each cloud service you adopt as a supplier relationship with a shared split of duties: assess it before signing up, configure it securely, keep track of who manages what and plan how you would move away. Auditors expect a cloud security policy, provider risk assessments, secure configuration baselines and an exit plan.',
  'A.5.24':
    'Prepare for incidents before they happen: define roles, procedures, communication paths and tools for incident handling. Show the incident response plan, the on-call or response team, and exercises or tabletop tests that check it works.',
  'A.5.25':
    'Triage every reported event against agreed criteria to tell real incidents from noise and to rank their severity. Auditors sample the event log to see the triage decision, the classification given and when it was made.',
  'A.5.26':
    'When an incident is confirmed, work through your playbook: contain it, remove the cause, restore service, keep stakeholders informed and escalate where needed. Evidence is incident tickets or reports showing the steps taken, who was involved and any notifications made.',
  'A.5.27':
    'Use what incidents teach you to reduce the chance or impact of repeats. Auditors look for post-incident reviews, root-cause analyses and the follow-up actions that changed controls, risks or training.',
  'A.5.28':
    'When a security event may lead to disciplinary or legal action, gather and keep the relevant data (logs, disk images, messages) in a way that proves it has not been altered. Show an evidence-handling or forensic procedure, chain-of-custody records and the tools used to preserve integrity.',
  'A.5.29':
    'Your continuity arrangements must keep security in place when things go wrong, so that fallback sites, emergency access and manual workarounds do not open new holes. Evidence is continuity plans that cover security measures, and exercise results showing they hold under stress.',
  'A.5.30':
    'Make sure ICT services can be recovered within the times the business needs, based on a business impact analysis. Auditors expect defined recovery time and point objectives, recovery plans for key systems and records of recovery tests.',
  'A.5.31':
    'Work out which laws, regulations and contracts place security obligations on you, including any rules on using encryption, and keep that list current. Show a register of legal and contractual requirements with owners and the date of its last review.',
  'A.5.32':
    'Respect intellectual property such as software licences, copyrighted material and patents, and protect your own. Evidence includes licence records reconciled against installed software, and rules on using third-party material.',
  'A.5.33':
    'Make sure the records you must keep (financial, HR, audit trails, contracts) stay complete, genuine and confidential for their whole retention period, and are disposed of once it ends. Show the retention schedule, how records are stored and protected, and disposal records.',
  'A.5.34':
    'Identify and meet the privacy and personal data obligations that apply (for example GDPR), with clear roles for handling personal information. Auditors look for a record of processing, privacy notices, data protection impact assessments and evidence that data subject requests are handled.',
  'A.5.35':
    'Get people who are not responsible for the area, such as internal auditors or an outside firm, to examine how well your security management works, regularly and after big changes. Evidence is internal audit reports, external assessments or penetration test reports, and the actions taken on their findings.',
  'A.5.36':
    'Managers and technical checks should routinely confirm that what the policies and standards say is what actually happens on the ground. Show compliance review records, configuration or scan results and how deviations were corrected.',
  'A.5.37':
    'Write runbooks for routine IT and security work (backups, deployments, user administration, monitoring) and keep them where the people doing that work can find them. Auditors sample runbooks for currency and ownership, and check that staff actually follow them.',

  // People (A.6)
  'A.6.1':
    'Vet people before they start (identity, references, qualifications and, where the role justifies it and the law allows, criminal or credit checks), going deeper for more sensitive positions. Evidence is the screening policy and completed checks for a sample of recent hires, contractors included.',
  'A.6.2':
    'Make security responsibilities part of employment contracts and contractor terms. Auditors look at contract templates and signed agreements that cover confidentiality, acceptable use and the consequences of breaches.',
  'A.6.3':
    'Give everyone security awareness on joining and refresh it regularly, with deeper training for roles that need it. Show the training plan, completion records, phishing exercise results and role-based training for technical staff.',
  'A.6.4':
    'Staff should know that breaking security rules has consequences, handled through an HR process that is fair and proportionate. Evidence is the disciplinary procedure (usually HR-owned) covering security breaches, and proof that staff have been told about it.',
  'A.6.5':
    'Some obligations outlast the job, confidentiality above all, so tell leavers and people changing roles what still applies and make it enforceable. Auditors look at leaver letters, exit checklists and contract clauses on continuing obligations.',
  'A.6.6':
    'Ask employees, contractors and partners who see confidential information to sign NDAs whose terms match what you need to protect, and check now and then that the templates still fit. Show the templates and signed copies for a sample of people and partners.',
  'A.6.7':
    'Protect information when people work from home or other remote locations: secure connections, device rules and privacy of the workspace. Evidence is a remote working policy, VPN or zero-trust access configuration and user acknowledgements.',
  'A.6.8':
    'Everyone should know exactly how to raise the alarm about a suspicious email, a lost device or a weakness they have noticed (a hotline, mailbox or ticket form) and feel safe doing it. Auditors check that the channel exists, that staff know it, and that reports are logged and followed up.',

  // Physical (A.7)
  'A.7.1':
    'Define secure areas and protect them with physical boundaries such as walls, locked doors and reception. Show site plans marking the perimeters and evidence that the barriers are in place and maintained.',
  'A.7.2':
    'Allow only authorised people into secure areas, using badges, locks or reception checks, and control delivery and loading points. Evidence includes access control lists, visitor logs, badge system reports and periodic access reviews.',
  'A.7.3':
    'Design and protect offices, rooms and facilities according to the sensitivity of what happens inside them. Auditors walk the site to see locked server rooms, discreet signage and that sensitive areas are not visible or accessible to the public.',
  'A.7.4':
    'Use CCTV, intruder alarms, guards or similar detection so that anyone getting into your premises without permission is noticed. Show the monitoring set-up, who reviews alerts or footage, retention settings and incident records raised from it.',
  'A.7.5':
    'Protect facilities against fire, flood, power surges, extreme weather and other physical or environmental hazards, based on a risk assessment of the site. Evidence is the site risk assessment, fire suppression and detection maintenance records, and environmental sensors.',
  'A.7.6':
    'Set rules for working inside secure areas, such as no unsupervised visitors, no photography and no unattended sensitive material. Auditors check that the rules are posted, understood and followed.',
  'A.7.7':
    'Nothing sensitive should be left lying around: papers and USB drives go into locked storage, and screens lock automatically when people step away. Evidence is the clear desk and screen rules, enforced screen-lock settings and results of walk-round checks.',
  'A.7.8':
    'Place and protect equipment so it is safe from environmental damage, unauthorised access and being overlooked. Show equipment placed in suitable rooms or racks, with protection from heat, water and prying eyes.',
  'A.7.9':
    'Protect laptops, phones and other assets used outside your premises against loss, theft and snooping. Evidence includes rules for taking assets off-site, device encryption, tracking and records of lost device handling.',
  'A.7.10':
    'Keep track of USB drives, backup tapes, external disks and similar media, encrypt what they carry, move them securely and destroy them properly when they are finished with. Auditors look for media handling rules, encryption settings, transfer logs and destruction certificates.',
  'A.7.11':
    'Keep servers and network equipment running when mains power, air conditioning or telecom links fail. Show UPS and generator capacity, their maintenance and test records, and redundant supplies where the risk calls for them.',
  'A.7.12':
    'Route and shield power and data cabling so that nobody can tap it, disrupt it or cut it by accident. Evidence is cabling kept in trunking or conduits, locked patch panels and up-to-date cabling documentation.',
  'A.7.13':
    'Service hardware on the schedule its maker recommends, using authorised technicians, so that it keeps working and does not leak data while being repaired. Auditors check maintenance schedules, service records and how data is protected when equipment goes out for repair.',
  'A.7.14':
    'Wipe or physically destroy the disks in laptops, servers, printers and phones before they are sold, recycled or handed to someone else, and remove licensed software. Show the disposal procedure, wipe or destruction certificates and the matching updates to the asset register.',

  // Technological (A.8)
  'A.8.1':
    'Secure laptops, desktops, phones and tablets that access your information, whether company-owned or personal. Evidence is an endpoint policy, device management (MDM) reports showing encryption, screen lock and patch status, and rules for bring-your-own-device.',
  'A.8.2':
    'Restrict and closely manage administrator and other privileged access: grant it only when needed, use separate admin accounts and review it often. Auditors sample privileged accounts, their approvals, review records and logs of privileged activity.',
  'A.8.3':
    'Enforce the access control rules in the systems themselves so that users only reach the data and functions they are allowed. Show role or permission configurations in key applications and tests that restrictions work.',
  'A.8.4':
    'Limit who can view and modify your code repositories, build tooling and package libraries, and make every change go through review. Evidence is repository permissions, branch protection rules, review requirements and removal of access for leavers.',
  'A.8.5':
    'Use authentication strong enough for the risk, such as multi-factor authentication for remote, cloud and privileged access, and protect log-in processes. Auditors look at identity provider settings, MFA coverage reports and lockout or throttling configuration.',
  'A.8.6':
    'Monitor and plan the capacity of systems, networks, storage and people so that services do not degrade or fail. Show capacity monitoring dashboards, thresholds and alerts, and capacity planning records.',
  'A.8.7':
    'Stop malware with endpoint protection or EDR on laptops and servers, scanning of email and downloads, and staff who can recognise a suspicious attachment. Evidence is protection coverage across devices, update status, alert handling and related awareness material.',
  'A.8.8':
    'Scan, subscribe to advisories and run penetration tests to discover technical vulnerabilities in your software and infrastructure, then patch or mitigate them within deadlines set by severity. Auditors expect scan or test reports, a patching policy with timelines, and records showing each finding was fixed or formally accepted.',
  'A.8.9':
    'Write down hardened baseline settings for servers, laptops, cloud services and network gear, roll them out automatically where you can and spot systems that drift away from them. Show the baselines (for example CIS benchmarks), infrastructure as code or configuration tooling, and compliance reports.',
  'A.8.10':
    'Get rid of data once its retention period or purpose has ended, in your own systems, on devices and at suppliers, rather than keeping it forever. Evidence is retention and deletion rules, automated deletion jobs or deletion logs, and supplier deletion confirmations.',
  'A.8.11':
    'Hide or transform sensitive data, such as personal data, where full values are not needed, using masking, pseudonymisation or tokenisation. Auditors look for the rules on when masking applies and examples in test environments, reports or support tools.',
  'A.8.12':
    'Detect and prevent sensitive information from leaving the organization through email, web uploads, removable media or other channels. Show DLP tooling or equivalent controls, their policies, and records of how alerts were handled.',
  'A.8.13':
    'Copy data, system images and configurations on a defined schedule, keep at least one copy isolated from production, and prove regularly that restores actually work. Evidence is the backup policy, job reports, offsite or immutable copies and restore test results.',
  'A.8.14':
    'Avoid single points of failure in the platforms that must stay up, for example by running critical services across several servers, zones or sites so one failure does not stop them. Auditors check the architecture against availability targets and look for failover test results.',
  'A.8.15':
    'Generate logs of who did what on your systems (sign-ins, admin actions, failures, security alerts), keep them centrally for a defined period and stop anyone from altering them. Show the logging standard, central log collection, retention settings and who can access the logs.',
  'A.8.16':
    'Look out continuously for signs of attack or misuse, such as odd sign-ins, unusual traffic or unexpected processes, and investigate the alerts. Evidence is a SIEM or monitoring tool with defined alert rules, on-call arrangements and records of alerts investigated.',
  'A.8.17':
    'Point every server, network device and application at the same trusted time service so that timestamps in different logs line up during an investigation. Auditors check the NTP configuration and that systems report consistent time.',
  'A.8.18':
    'Tools that can get around normal security checks (debuggers, disk editors, low-level admin consoles) should be available only to the few who need them, and their use recorded. Show which such tools are allowed, who may run them and the logs of their use.',
  'A.8.19':
    'Control which software may be installed on production and other operational systems, and by whom. Evidence includes restrictions on user installs, approved software lists and deployment through change-controlled pipelines.',
  'A.8.20':
    'Harden and administer routers, switches, firewalls and wireless access points so that the traffic and systems behind them are protected. Auditors look for network diagrams, device configurations, periodic firewall rule reviews and restricted management access.',
  'A.8.21':
    'Agree what security you need from connectivity services (encryption, DDoS protection, availability, who manages the equipment), whether run in-house or bought in, and confirm the provider delivers it. Show the agreed requirements or SLAs and the monitoring reports for those services.',
  'A.8.22':
    'Split networks into separate zones by trust level, function or user group, and control traffic between them. Evidence is network segmentation design, VLAN or cloud VPC configuration and rules that limit traffic between zones.',
  'A.8.23':
    'Block or warn on dangerous and unwanted web destinations, such as known malware and phishing sites, to cut the chance of infection from browsing. Show web filtering or protective DNS configuration, the categories blocked and how exceptions are approved.',
  'A.8.24':
    'Decide where encryption and signatures are required, which algorithms and key lengths are acceptable, and how keys are generated, stored, rotated and retired. Auditors expect a cryptography policy, key management procedures and evidence that encryption is switched on where required.',
  'A.8.25':
    'Describe how your teams build software so that security is part of each stage: requirements, design, coding, review, testing and release. Evidence is a secure development policy or SDLC description showing where activities such as threat modelling and security testing happen.',
  'A.8.26':
    'Before building or buying an application, write down what it must do to be secure (authentication, input checks, protection of online transactions, logging) and get those requirements agreed. Show the documented requirements for recent applications and how they were verified.',
  'A.8.27':
    'Agree a short set of design principles, such as defence in depth, least privilege, zero trust and secure defaults, and use them whenever you design or change a system. Auditors look for the documented principles and design reviews that refer to them.',
  'A.8.28':
    'Teach and enforce coding habits that avoid well-known flaws such as injection and broken authentication, and keep an eye on the third-party and open-source components you pull in. Evidence is coding standards, code review records, static analysis and dependency scanning results.',
  'A.8.29':
    'Test security during development and before accepting systems into production. Show security test plans, results from automated tests, scans or penetration tests, and acceptance sign-offs that include security.',
  'A.8.30':
    'If an external firm writes software for you, stay in charge: put security requirements in the contract, follow their work and check what they deliver before accepting it. Evidence is contracts with security clauses, the supplier\'s test results and your own acceptance testing.',
  'A.8.31':
    'Run development, testing and live systems apart from one another so that unfinished code and test activity cannot affect production, and control how changes are promoted. Auditors check the separation, the differences in access between environments and that production data is not freely used in development.',
  'A.8.32':
    'Manage changes to systems and information processing facilities through a controlled process with assessment, approval, testing and rollback plans. Show change records for a sample of production changes, including emergency changes.',
  'A.8.33':
    'Prefer synthetic or masked data for testing; if real data must be copied into a test system, get approval, protect it as in production and remove it afterwards. Evidence is the test data rules, use of synthetic or masked data, and approvals where production data was copied.',
  'A.8.34':
    'Before auditors or testers touch live systems, settle with the system owners what will be tested, when and with what access, so the work does not disrupt services or expose data. Auditors look for agreed test scopes, read-only or time-limited tester access and coordination records.',
});

# Hand-written BLIND to the redaction rules in src/ and to the earlier held-out sets on
# 2026-12-02 by a helper session (only the CSV format of bench/make_privacy_heldout2.py
# was looked at, not its sentences). All people, names, emails, phone numbers, postcodes,
# NHS numbers and URLs below are invented; phone numbers use Ofcom drama ranges and NHS
# numbers are generated from a fixed seed so that they pass the mod-11 check.
# ruff: noqa: E501
"""Writes bench/privacy_heldout3.csv (columns: text, kind, values): a third held-out PII set.

Sentences mark each personal value with [[...]]; the brackets are stripped and the marked
spans (in order, duplicates once) become the row's values, joined with " | ". Titles and
roles (Dr, Nurse, Mr, Sister, physio ...) stay outside the brackets, so NAME values hold
the name only. NONE rows hold no personal detail at all, but are written to be hard:
eponymous wards, drugs, shops, apps, months, and words that double as first names.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

SEED = 31337
OUT = Path(__file__).with_name("privacy_heldout3.csv")
MARK = re.compile(r"\[\[(.+?)\]\]")

# ====================================================================== NAME rows
# Mixed case (ordinary typing). Long multi-sentence comments are further down.
NAME_MIXED = [
    # --- word-names used as names
    "Sister [[Okonkwo]] on the night shift sat with my dad when he was confused and frightened, she was wonderful.",
    "[[Grace]] from the district nursing team changes Mum's dressings every Tuesday and never rushes her.",
    "Please pass this on to [[Hope]] on the day surgery unit, she made a scary morning bearable.",
    "[[Will]], the healthcare assistant, helped me shower without making me feel embarrassed.",
    "[[Mark]] in pharmacy rang me back within the hour about the interaction between my tablets.",
    "I asked to speak to [[Faith]] again because she was the only one who understood Dad's dementia.",
    "Thank you [[Joy]] and [[Dawn]] on the stroke unit for the cups of tea at 3am.",
    "Our ward manager [[Rose Kettleborough]] never signs off rota requests until the week before.",
    "[[Bill]] the volunteer driver got me to chemo on time in the snow and waited with me after.",
    "Physio [[Sandy]] pushed me just hard enough after my knee replacement.",
    "Could [[Pat]] on the front desk please stop discussing patients' business loudly in the waiting room?",
    "[[Summer]] and [[Amber]] in the baby room are brilliant with my twins.",
    "My daughter [[Ruby]] has now waited eleven months for her autism assessment.",
    "[[Jack]] from IT came up to the ward himself to fix the label printer. Legend.",
    "[[Frank]], the chaplain, visited my wife every day in her last week and we will never forget it.",
    "I want to complain about the attitude of [[Victor Ionescu]] at the fracture clinic.",
    "[[Robin]] on the Tuesday late shift at the home is the only one who gets Mum to eat.",
    "Miss [[Holly]] in Year 2 noticed my son's hearing problem before we did.",
    "[[Ivy Achterberg]] from the continence service was kind, practical and not at all embarrassing.",
    "[[Penny]] at the blood clinic found a vein first time after four others had failed.",
    "Thanks to [[Sky]] and [[Angel]] in the eating disorder day programme, I feel listened to for once.",
    "[[Bob]] on the barrier at the multi-storey is always cheerful, even in the rain.",
    "Our line manager [[Rich]] says he has an open door but it is never open.",
    "[[Dean]] the paramedic talked me through every step while we waited for a second crew.",
    "[[Drew]] from occupational therapy measured the whole bungalow for rails and they were fitted within a week.",
    "[[Chase]], the student nurse, was more attentive than some of the qualified staff.",
    "PE teacher Mr [[Hunter]] humiliated my son in front of the class over forgotten kit.",
    "A boy called [[Mason]] in Year 9 has been bullying my daughter on the bus and nothing has been done.",
    "Dr [[Miles]] at the memory clinic was patient and never talked over my husband.",
    "[[Ray]] from estates fixed the heating in the staff room after two years of us asking.",
    "[[Sunny]] at the League of Friends shop always has a kind word for the long-stay patients.",
    "The carers [[Honey]] and [[Precious]] treat Nan like their own grandmother.",
    "[[Patience]] on nights should be promoted, she holds that ward together.",
    "Please thank [[Mercy]] and [[Blessing]], the two HCAs on Ward 12, for their dignity and care.",
    "I would like to commend [[Comfort Asante]] from the discharge team for sorting my package of care.",
    "[[May]] in the hearing aid clinic retuned both of my aids in ten minutes.",
    "Volunteer [[June]] pushes the library trolley round and my mum looks forward to it all week.",
    "[[April]] from the smoking cessation service never once made me feel judged.",
    "Our carer [[Heather]] has been replaced by a different agency worker every day this month.",
    "[[Hazel]] and [[Daisy]] on the respite unit are the reason we keep coming back.",
    "I wasn't impressed with [[Guy]] on the switchboard, who transferred me to a ward that didn't exist.",
    "[[Cliff]] runs the men's shed group at the day centre and my father finally has something to look forward to.",
    "[[Earl]] the security guard walked me to my car after a late shift, which I really appreciated.",
    "Dr [[Baker]] and Nurse [[Wood]] were both excellent in the minor injuries unit.",
    "Mrs [[Fox]], our form tutor, phoned home the same day my son was upset at lunch.",
    "Mr [[Sharp]] in the fracture clinic was anything but, he had clearly not read my notes.",
    "Sister [[Lamb]] runs the day unit with real warmth.",
    # --- British Isles
    "Mrs [[D'Souza]], the new deputy head, has turned the behaviour policy around completely.",
    "Dr [[Nguyen]] listened, examined me properly and referred me the same day, unlike the two GPs before.",
    "Dr [[Chakraborty]]'s clinic ran two hours late and nobody told us why.",
    "[[Aoife Ní Bhriain]] ran the antenatal class and made my partner feel included too.",
    "Mr [[O'Donoghue]] replaced my hip and I'm walking better than I have in years.",
    "I would like to thank [[Ciarán]], [[Niamh]] & [[Róisín]] in recovery.",
    "Dr [[McAllister]] was abrupt and dismissive when I asked about alternatives to surgery.",
    "[[Mhairi]] is the best receptionist in the whole of Lothian, she always finds a slot.",
    "Our guidance teacher Mrs [[MacKinnon]] has gone above and beyond for our son this year.",
    "[[Rhiannon]] from the health visiting team answered my text at 9pm when I was panicking about feeding.",
    "The dietitian, [[Gethin Prys-Jones]], gave me a plan I can actually stick to.",
    "Is Mr [[ap Gwilym]] still head of sixth form? Nobody has answered my emails since September.",
    "Dr [[Ó Súilleabháin]] was the first person to actually explain what endometriosis is.",
    "[[Siobhán Ní Mhurchú]] from the breastfeeding support group came to the house twice.",
    "I can't fault [[Eoghan]], [[Caoimhe]] and [[Oisín]] at the out-of-hours service.",
    "Mrs [[O'Connell-Byrne]] refused to let my daughter use the toilet during the lesson.",
    "Mr [[Fitzpatrick]] in maxillofacial was brilliant, I hardly have a scar.",
    "[[Ruaridh]] and [[Eilidh]] from the pharmacy delivery team never miss a week.",
    "[[Morag]] at the Tuesday lunch club has been a friend to my mother since Dad died.",
    "I found [[Alasdair Gunn]] at the jobcentre health team far more helpful than the doctors.",
    "Our nursery key worker [[Catriona]] sends photos every day, which is so reassuring.",
    "Mr [[McGillivray]] the depute head didn't take the bullying seriously at all.",
    "[[Dafydd]] and [[Angharad]] on Ward 10 were the best nurses I've ever had.",
    "Dr [[Llewellyn]] told me my symptoms were all in my head, and it turned out to be my thyroid.",
    "[[Cerys]] who teaches Welsh is patient with the kids who are new to the language.",
    "Why does [[Huw]] from the bed bureau never ring back when he says he will?",
    "[[Iolo]] on the hospital radio played my nan's favourite song for her birthday.",
    "Could [[Eleri]] from the falls team come back out? Mum has had two more falls.",
    "[[Gemma Threlfall]] and [[Lewis Pickering]] from the community team were kind and organised.",
    "Mrs [[Ormerod]] has taught my three children and she is retiring this year, she will be missed.",
    "Dr [[Postlethwaite]] in ENT was thorough and kind.",
    "[[Stacey]] on the ward rang me every morning with an update on Dad, above and beyond.",
    "[[Darren]] the gym instructor on the cardiac rehab course made it fun.",
    "[[Nathan Hebblethwaite]] on the apprentice scheme has been a brilliant mentor to me.",
    # --- South Asian
    "Nurse [[Kaur]] spotted that my wife's sepsis was getting worse and escalated it; she probably saved her life.",
    "[[Harpreet]] and [[Gurdeep]] from the community mental health team have been my lifeline this winter.",
    "Dr [[Venkataraman]] and Dr [[Ranasinghe]] both took the time to go through the scan with us.",
    "[[Ayesha]] in the booking office rearranged my surgery around my exams, so grateful.",
    "The way [[Imran]] from security calmed down that aggressive man in A&E was very professional.",
    "[[Farhan Siddiqui]] in the careers office helped me rewrite my personal statement three times.",
    "Mrs [[Begum]] in Reception class has made my shy daughter love school.",
    "Dr [[Balasubramanian]] was very rushed and didn't examine me.",
    "[[Sunita]] and [[Anjali]] from the diabetes education course made it feel like a chat, not a lecture.",
    "[[Zainab]] in the school office chased the council about my son's transport for weeks.",
    "Mr [[Thapa]] on the surgical ward always introduced himself and explained what he was doing.",
    "[[Kavitha]], the pharmacist on the ward, caught a dosing error before it reached me.",
    "Mrs [[Rukhsana Qureshi]] should not be teaching reception, she shouts at four year olds.",
    "[[Tariq]] the driver helped my wife into the ambulance like she was his own mother.",
    "Dr [[Bhattacharya-Rao]] was the first to take my chronic fatigue seriously.",
    "[[Shreya]] the trainee psychologist was excellent but left after six sessions.",
    # --- East and South-East Asian, Chinese romanised
    "[[Linh]] painted my nails at the activities afternoon and I felt human again.",
    "Dr [[Zhou]] rushed the appointment and kept looking at the clock.",
    "My support worker [[Ji-woo Park]] helped me fill in the PIP forms line by line.",
    "Nurse [[Santos]] and Nurse [[Dela Cruz]] were so gentle with my grandad.",
    "Ask for [[Marites]] if you need anything on Ward 4, she knows where everything is kept.",
    "Mr [[Chan]] at the pharmacy counter showed me how to use my new inhaler properly.",
    "[[Wing Yee]] from the physio team got me walking again after my stroke.",
    "Dr [[Leung]] was gentle and professional during a really intimate examination.",
    "[[Mei Ling]] is the best ward clerk, she can always find the notes.",
    "Ms [[Ho]] in student services helped me apply for the hardship fund.",
    "[[Yuki Tanaka]] runs the best seminar group on the course.",
    "Dr [[Wongsakul]] in the eye clinic was quick but clear.",
    "[[Rowena]], [[Jocelyn]] and [[Arnel]] on the night team are unsung heroes.",
    "Dr [[Hoang]] was kind to my mother and spoke to her in Vietnamese.",
    "Mr [[Wong Tak-wah]] helped my grandmother at the Chinese-speaking clinic and we are grateful.",
    "[[Siew Ling]] in the chemo suite remembered my husband's name from the week before.",
    "[[Xiaoming]] from the student union helped me appeal my mark.",
    "Professor [[Kim]] gives feedback that is actually useful.",
    "[[Hnin]] the interpreter was patient and accurate.",
    # --- African
    "[[Oluwaseun]] from phlebotomy was calm and funny with my needle-phobic teenager.",
    "[[Tunde]]'s lectures on the pharmacology module are the clearest I've had.",
    "Mrs [[Adeyemi]] has been off sick since half term and the supply teachers change every week.",
    "Big thanks to midwives [[Chiamaka]] and [[Ngozi]] for a calm water birth.",
    "Mr [[Mensah]] from orthotics was late, rude and didn't even look at my feet.",
    "[[Kwame Boateng]] is the best charge nurse I have worked with in twenty years.",
    "Our carer [[Wanjiru]] is always on time and always smiling.",
    "Dr [[Otieno]] explained my diabetes in a way that finally made sense.",
    "[[Halima]] and [[Abdirahman]] interpreted for my mother and were very professional.",
    "Nurse [[Tesfaye]] noticed my father hadn't eaten all day and brought him soup.",
    "[[Thandiwe]] the bank nurse deserves a permanent contract, she is excellent.",
    "Dr [[Ndlovu]] from the respiratory team is thorough and honest.",
    "[[Tendai]] from the hospice at home team came out at 2am and stayed until the GP arrived.",
    "[[Mariama Jallow]] and [[Ousmane Diallo]] from the sickle cell team are fantastic.",
    "Mr [[Mwangi]], the deputy manager, has made the staff feel valued again.",
    "[[Abena]] in the children's outpatients made a scary day fun for my boy.",
    "Dr [[Chipo Moyo]] was the only one who didn't make me feel like a nuisance.",
    "[[Sipho]] the theatre porter made me laugh just before the anaesthetic.",
    "[[Efua]] and [[Yaw]] in the canteen always put a bit extra on for the night staff.",
    "Nurse [[Nakato]] explained my catheter care clearly and left me written instructions.",
    "[[Selam]] on the maternity ward helped me get my baby to latch.",
    # --- Caribbean
    "[[Delroy]] the porter sings in the lifts and it cheers everybody up.",
    "Mrs [[Thompson]], the SENCo, keeps refusing to meet us about our son's EHCP.",
    "[[Claudette]] on the rehab ward is firm but kind, exactly what my dad needed.",
    "[[Winston]] and [[Marcia]] at the sickle cell day unit are like family to us now.",
    "Dr [[Baptiste]] listened and actually read my previous letters.",
    "[[Althea]] the healthcare assistant was singing hymns with my nan, she loved it.",
    "Mr [[Grant]] the caretaker found my son's lost inhaler and brought it to the office.",
    "[[Errol]] at the leg ulcer clinic has looked after my legs for six years now.",
    # --- European
    "[[Agnieszka Kowalczyk]] in the lab turns results round faster than anyone.",
    "Dr [[Wiśniewski]] was dismissive of my pain and told me to lose weight.",
    "[[Paweł]] and [[Tomasz]] on the domestic team keep our ward spotless.",
    "Nurse [[Horváth]] made me feel safe during a really bad night.",
    "[[Ionela Popescu]], the activities coordinator, put on a lovely Christmas party for the residents.",
    "Ms [[Novák]] is the first maths teacher my daughter has ever liked.",
    "[[Giulia]] from speech and language therapy has worked wonders with my son.",
    "Dr [[Rossi]] and his registrar [[Matteo]] were brilliant when things went wrong in theatre.",
    "Nurse [[Fernández]] was impatient and sighed every time I pressed the buzzer.",
    "Dr [[García-López]]'s letter still hasn't reached my GP after six weeks.",
    "[[Inês]] in outpatients walked me to the right clinic when I got lost.",
    "Mr [[Papadopoulos]], the senior lecturer, returns coursework weeks late every term.",
    "[[Łukasz]] on the night porter team brought my husband a blanket without being asked.",
    "Dr [[Dvořáková]] took the bloods herself when the phlebotomist was off sick.",
    "Dr [[Müller]] in dermatology is thorough but very blunt.",
    "Our student rep [[Noémie]] has fought for better lab access for all of us.",
    "[[François]] at the language centre helped me prepare for my nursing interview.",
    "[[Renée]] from the stoma team visited me at home and showed my wife how to help.",
    "[[Zsófia]] and [[Radu]] on the bank team fill our gaps every weekend.",
    "Dr [[Bērziņš]] explained the options and gave me time to think.",
    "[[Oksana]] who works on the Ukrainian support line got us registered with a GP.",
    "Mr [[Petrenko]], our chemistry teacher, stays behind every Thursday for extra help.",
    "[[Dimitar]] in the sterile services team deserves a thank you, nobody ever mentions them.",
    "[[Eleni]] and [[Spiros]] who run the hospital café give the night staff free refills.",
    "Ms [[di Marco]] is the only teacher who noticed my son was struggling.",
    "Dr [[Gonçalves]] in the fertility clinic was honest and compassionate.",
    "[[Pilar]] was the kindest nurse on the ward, she held my hand during the procedure.",
    "Nurse [[van Dijk]] made sure my husband's hearing aids were in before every conversation.",
    "Mr [[da Costa]] from the trust's complaints team finally gave us a straight answer.",
    "Dr [[Le Roux]] took time with my anxious daughter before her MRI.",
    # --- Middle Eastern, Turkish, Jewish, Latin American
    "Dr [[Haddad]] took my worries about my child seriously from the first minute.",
    "[[Layla]] and [[Omar]] on the children's ward made my daughter laugh before her operation.",
    "Mr [[Al-Rashid]] was honest about the risks and that's what I wanted.",
    "Dr [[Farahani]] did my endoscopy and it was far less awful than I feared.",
    "[[Shirin]] in the fertility clinic replied to every one of my worried emails.",
    "Mr [[Abboud]] the head of year dealt with the incident quickly and fairly.",
    "Dr [[El-Sayed]] was clear about my options and never patronising.",
    "[[Valentina]] at the walk-in centre desk was very rude to my elderly neighbour.",
    "Dr [[Ramírez]] listened to me and didn't just blame my anxiety.",
    "[[Santiago]] and [[Camila]], who run the breakfast club, are lovely with the little ones.",
    "[[Ximena]] from the tissue viability team saved my dad's heel from getting worse.",
    "Nurse [[Quispe]] covered three bays on her own and still found time to reassure me.",
    "[[Thiago Oliveira]] is the best lab demonstrator in the department.",
    "[[Ayşe]] from the health visiting team speaks Turkish, which made such a difference to my mother-in-law.",
    "Dr [[Yılmaz]] was the only doctor who looked at my whole history.",
    "Nurse [[Öztürk]] was kind but clearly overwhelmed with twelve patients.",
    "[[Mehmet]] in the hospital kitchen makes sure the halal meals arrive hot.",
    "Mr [[Çelik]] from the estates team never answers the phone about the leaking roof.",
    "Mr [[Goldberg]], head of Year 10, has been very supportive since my son's bereavement.",
    "[[Rivka]] and [[Shmuel]], the volunteers at the day centre, know everyone by name.",
    "Dr [[Rosenthal]] told me off for asking too many questions.",
    "Mrs [[Feldman]] in Year 1 is amazing, my son talks about her all the time.",
    "[[Yossi]] from the bereavement service rang exactly when he said he would.",
    # --- particles, hyphens, possessives, titles in odd case
    "The consultant mr. [[van der Linde]] did not introduce himself and left before I could ask anything.",
    "Prof. [[Okonkwo-Hart]]'s seminars are the highlight of the whole course.",
    "[[Anne-Marie]] in the discharge lounge made sure I had my medication before I left.",
    "Mr [[Taylor-Okafor]] and Ms [[Kaur-Bains]] ran the revision sessions every Saturday.",
    "I'm really grateful to [[Zoë]] and [[Chloé]] from the perinatal mental health team.",
    "[[José Manuel Ortega]] in the sterile services team is a hidden hero.",
    "[[D'Arcy]] is the only teaching assistant who can get my son to sit still.",
    "DR. [[Fairbrother]] was lovely, though the wait was long.",
    "nurse [[Corrigan]] stayed late to finish my drip so I could go home.",
    "I was seen by Professor [[de Souza]] who was thorough and kind.",
    "[[Marie-Claire]]'s phone manner is a credit to the surgery.",
    "[[James]]' feedback on my placement portfolio was detailed and fair.",
    "Mrs [[Hughes-Onslow]] in audiology was very helpful.",
    # --- greetings, sign-offs, my name is, questions
    "My name is [[Eleri Vaughan]] and I was the lady in bay 3 with the broken wrist, I just wanted to say thank you.",
    "Hi [[Tomos]], following up on parents' evening, could we have a call about the reading scheme?",
    "Dear Mrs [[Abernethy]], I am writing to raise concerns about how my mother's fall was handled.",
    "Brilliant care from start to finish. Thanks, [[Bex]]",
    "Lovely staff, clean ward, food could be better. [[Kaz]] x",
    "The discharge letter had the wrong medication on it and nobody has called back. Regards, [[Dev Malhotra]]",
    "Keep up the good work! [[Jo]], parent of a Year 3 pupil",
    "Written on behalf of my nan as her eyesight is poor. Love, [[Mo]]",
    "Hello Dr [[Lim]], just to let you know the new dose is working much better.",
    "Hiya [[Shaz]], thanks for sorting my shifts this month, you're a star.",
    "Dear [[Siân]] and team, thank you for looking after our boy in NICU.",
    "Good morning Professor [[Adeleke]], the module handbook still lists last year's deadlines.",
    "My name's [[Callum McKechnie]], I'm a third-year student nurse and I want to flag a culture of bullying on my placement.",
    "Who is [[Marcus]]? He rang my mother pretending to be from the hospital and she is very upset.",
    "Does [[Natalia]] still run the Wednesday baby clinic? She was brilliant with my first.",
    "Has anyone followed up what [[Kieron Walsh]] told us about the missing equipment?",
    "Can I request [[Deborah]] as my son's named nurse again next admission?",
    "Cheers [[Gaz]], [[Tash]] and [[Liv]], you lot made the night shift bearable.",
    "Kind regards, [[Agata Zielińska]] (mother of the patient)",
    "Thank you so much, from [[Priya]], [[Sanjay]] and the kids",
    "To [[Nadia]] on the Acorn day unit: you were right, and I'm sorry I shouted.",
    "Sent by [[Mags]] on behalf of the Thursday carers' group",
    "I am writing as [[Fiona Struthers]], next of kin, to request a copy of the notes.",
    # --- longer, name once in the middle
    "I was admitted on a Friday night with chest pain and honestly expected to be left in a corridor. Triage was quick and I had an ECG within ten minutes. The registrar, Dr [[Adewale]], sat on the edge of the bed and explained what the troponin test was for. Things went downhill after I moved to the ward, where nobody seemed to know my plan. Discharge took seven hours.",
    "My father has lived at the home for three years. In general the care is good and the building is clean. Recently the staffing has been very thin at weekends and twice he was left in wet pads until lunchtime. When I raised this with the deputy manager, [[Lorraine Ashworth]], she was defensive and blamed the agency. I would like a proper answer.",
    "As a student on placement I want to flag how supportive the team were. My practice assessor [[Nkechi]] made time every single shift to go through my competencies. The ward is very busy and clearly short-staffed. Students on other wards have not been so lucky.",
    "The new booking system is confusing and the letters arrive after the appointment date. I missed two scans because of it. When I finally got through on the phone, [[Rebecca]] in the imaging office apologised and booked me in for the following morning. Please fix the letters.",
    "We have been coming to this surgery for twenty years. It used to be easy to see a doctor. Now it is an online form that closes at 8.05am. Dr [[Whitlock]] is still excellent once you get to see him. The problem is getting there.",
    "Our son has complex needs and transition to adult services has been chaotic. Nobody told us the paediatric team would stop seeing him at eighteen. The only person who has held it together is [[Bronwen]], the transition nurse, who has phoned round on our behalf. Without her we would be lost. The system needs fixing.",
    "The staff survey always asks whether we feel valued. Honestly, on this unit, not really. Breaks are missed most shifts and the rota comes out late. Our band 7, [[Olamide]], does her best but is firefighting all the time. Senior management never come to the floor.",
    "I had my baby by emergency section at 3am. The theatre team were calm and explained everything. Afterwards on the postnatal ward I was left for hours without pain relief. A healthcare assistant called [[Keeley]] noticed and went to find a midwife. The rest of the stay was fine.",
    "My mum is ninety-two and deaf. In the emergency department nobody faced her when speaking and she didn't understand what was happening. Eventually a nurse, [[Tadhg]], wrote everything down on a whiteboard for her. It took him two minutes. Why can't everyone do that?",
    "I'm a parent governor and I want to raise the state of the toilets, which have no locks and no soap. The children are scared to use them. The site manager, Mr [[Kowalczyk]], says there is no budget. The governors have not discussed it. This is a safeguarding issue.",
    "The course content is good but organisation is poor. Timetables change the night before and rooms are double booked. [[Hannah Okereke]] in the programme office is the only person who replies to emails. The placements team are impossible to reach. Please sort it out before next year.",
    "After my husband's stroke we were told he would get six weeks of rehab at home. It took three weeks for the first visit. When the team did come, the physio [[Arjun]] was excellent and really motivated him. Then the visits stopped without warning. We have had nothing since.",
]

# About 30% of NAME rows: typed in lower case, often on a phone, little punctuation.
NAME_LOWER = [
    "dr [[adebayo]] was lovely explained everything twice cos i was in shock",
    "nurse [[brennan]] on ward 5 was amazing with my nan",
    "[[bex]] on reception is always rude to my mum she needs some training",
    "massive thanks to [[kaz]] and [[lou]] in a&e last night",
    "[[mo]] the porter had me in stitches lol",
    "the hca [[jo]] helped me wash my hair first time in a week",
    "[[dev]] was my physio he was great really pushed me",
    "[[will]] from the crisis team rang back exactly when he said he would",
    "[[grace]] and [[faith]] on nights are angels honestly",
    "mr [[mcgregor]] the head never replies to emails",
    "ms [[o'neill]] is the best teacher my son has ever had",
    "[[siobhan]] at the surgery sorted my repeat prescription in 5 mins",
    "dr [[okafor]] didnt even look up from the computer",
    "can [[hope]] from the baby unit ring me back please",
    "[[dawn]] on the early shift is so kind to my dad",
    "[[mark]] and [[dean]] the paramedics were brilliant with my son",
    "tell [[rose]] thank you from bed 6",
    "[[sandy]] at the home does my mums hair every friday she loves it",
    "[[pat]] on the switchboard cut me off 3 times",
    "[[joy]] in the xray dept was so patient with my autistic son",
    "dr [[kowalski]] was very good thorough and kind",
    "[[tash]] and [[liv]] on the childrens ward made it fun for my little girl",
    "sister [[morgan]] is scary but fair",
    "why does mrs [[patel]] keep cancelling my daughters reading sessions",
    "[[jamal]] was the best carer mum ever had",
    "our teacher mr [[da silva]] sets way too much homework",
    "[[kerry-ann]] at the front desk was really helpful",
    "thanks [[gaz]] for the lift home from the day centre",
    "[[soph]] the student midwife was calmer than me lol",
    "[[fi]] from the memory clinic rang every week to check in",
    "the physio [[raj]] was really good with my back",
    "[[mags]] and [[benji]] on the ward were lovely",
    "my name is [[aisling]] i was in for my gallbladder last week and the care was brilliant",
    "hi [[connor]] just to say the new timetable is working thanks",
    "dr [[mensah-bonsu]] was really good with my mum",
    "[[kemi]] at the pharmacy rang the gp for me to sort my meds",
    "[[yusuf]] and [[abdi]] the cleaners are always polite",
    "the hca called [[precious]] was lovely with my gran",
    "[[blessing]] on the late shift deserves a medal",
    "nurse [[nowak]] was rude to me when i asked for pain relief",
    "[[jaz]] in reception is a star",
    "is miss [[o'brien]] still doing the year 6 sats club",
    "dr [[lim]] in a and e was amazing with my dad",
    "[[priya]] the pharmacist explained all my meds",
    "[[kev]] the driver waited with me till my daughter came",
    "[[mercy]] was the only nurse who checked on me all night",
    "[[ruby]] on the dentist reception is so rude",
    "[[chipo]] the carer is the best we have had",
    "my son [[hunter]] has been waiting 2 years for camhs",
    "[[miles]] from the housing team never got back to me",
    "[[honey]] on the dementia unit is wonderful with my grandad",
    "mrs [[nakamura]] the art teacher is inspiring",
    "[[sunny]] the security man helped me find my car",
    "[[ivy]] at the gp reception is so helpful",
    "[[drew]] the ot sorted my bath seat",
    "[[robin]] on the phone line was useless",
    "[[bob]] the volunteer is always there with a cuppa",
    "[[rich]] our manager needs to listen more",
    "[[penny]] on ward 3 gave my mum her dignity back",
    "[[summer]] the nursery nurse is brilliant with my boy",
    "[[frank]] the porter was a proper gent",
    "[[victor]] in the kitchen did my son a special meal for his allergy",
    "the hca [[angel]] was so gentle with my dad",
    "[[jack]] the phlebotomist got it first go",
    "[[amber]] the receptionist sighed at me like i was a nuisance",
    "[[patience]] and [[comfort]] on ward 9 were fab",
    "[[sky]] at the sexual health clinic was so non judgemental thank u",
    "dr [[o'reilly]] and dr [[mcnally]] both brilliant",
    "[[eoin]] the ot student was great with my dad",
    "[[ffion]] the midwife was amazing from start to end",
    "[[lachlan]] in the pharmacy was really rude",
    "[[thuy]] on the ward always had a smile",
    "[[hamza]] in a&e triage was so calm",
    "[[sade]] the nurse sat with me when i was crying",
    "[[marisol]] at the school office never passes messages on",
    "nurse [[mcbride]] and nurse [[okeke]] were fab",
    "mr [[van der merwe]] the surgeon was very good but the wait was awful",
    "[[shona]] and [[ailsa]] the district nurses are brilliant",
    "my key worker [[tomasz]] is really good and listens",
    "tbh [[chantelle]] on reception is the only reason i stay at this surgery",
    "i want to thank [[ade]] [[kofi]] and [[ama]] from the night team",
    "[[nisha]] at the eye clinic was so kind",
    "whos [[dylan]] he rang me from the hospital but didnt leave a number",
    "[[oli]] the ward clerk found my missing notes",
    "sorry [[sam]] i was rude on the phone i was scared",
    "[[cormac]] the reg was lovely",
    "[[deb]] in the discharge lounge is a gem",
    "miss [[ng]] the reception teacher is brilliant",
    "dr [[papageorgiou]] was rude and wouldnt listen",
    "[[tez]] and [[kyle]] the porters always say hello to my dad",
    "thank u [[jasmin]] x",
    "[[anil]] in the blood room is the best",
    "[[babajide]] my lecturer is so helpful in office hours",
    "went in for my smear and was dreading it tbh. the nurse [[leanne]] made it so much easier, chatted the whole time and explained everything. waiting room was freezing though and the toilets were dirty",
    "my dad was on the ward for 3 weeks. most of the staff were great but nights were a struggle. [[carlos]] on nights was brilliant with him when he got confused. the food was cold every day and nobody helped him eat",
    "the school keeps sending letters home about uniform but nobody answers about the bullying. i emailed the head of year mr [[sinclair]] four times. still nothing. my daughter doesnt want to go in anymore",
    "been on the waiting list for 18 months for my knee. got a call last week out of the blue from [[wendy]] at the booking team offering a slot in 2 weeks. so happy. just wish it hadnt taken so long",
    "hi my name is [[ngozi adaeze]] and i am a carer for my brother, the respite service is brilliant",
    "[[wiktoria]] on the day unit was so gentle putting my cannula in",
    "dr [[nwachukwu]] listened to me for once thank you",
    "[[ruaridh]] the school nurse sorted my daughters inhaler plan",
    "mr [[o'driscoll]] the ortho consultant was abrupt",
    "[[bronagh]] and [[ciara]] from the baby unit rang every day",
    "[[zeynep]] the interpreter was brilliant for my mum",
    "nurse [[achieng]] was so caring to my dad at the end",
    "[[gwen]] at the library service brings nan her books every month",
    "miss [[de luca]] the year 5 teacher is fab",
    "[[keith]] the minibus driver is always late picking up from the day centre",
    "[[ama]] on ward 6 deserves a pay rise",
    "[[nikhil]] and [[aarav]] the pharmacy students were really helpful",
    "[[chen wei]] the physio helped me so much with my shoulder",
    "[[aziz]] in the kitchen is always so nice to the patients",
    "prof [[lindqvist]] never turns up to office hours",
    "[[rosa]] the cleaner always chats to my mum which she loves",
    "[[ahmad]] the night porter helped me with my bags at 3am",
    "thanks to [[milly]] in the eye clinic, so patient with my dad",
    "[[gerry]] and [[maureen]] at the lunch club are so kind",
    "[[dami]] the hca is brilliant",
    "i dont know why dr [[whitcombe]] discharged my dad so early, he was back in two days later. no one rang us, we found out from him. very poor communication all round",
    "my daughter was seen by [[kamal]] at the walk in centre, he was lovely with her and explained about the antibiotics",
]

# About 10% of NAME rows: ALL CAPITALS.
NAME_UPPER = [
    "MATRON [[PRITCHARD]] NEEDS TO SORT OUT THE STAFFING ON NIGHTS",
    "DR [[OKAFOR-WILLIAMS]] WAS EXCELLENT THANK YOU",
    "[[DAWN]] AND [[CAROL]] ON WARD 2 ARE STARS",
    "THANK YOU [[KEISHA]] FOR EVERYTHING YOU DID FOR DAD",
    "NURSE [[MCDERMOTT]] WAS VERY RUDE TO MY HUSBAND",
    "I WANT TO COMPLAIN ABOUT MR [[FAIRWEATHER]] AND HIS ATTITUDE",
    "[[GRACE]] IS AN ABSOLUTE ANGEL",
    "MR [[O'HARE]] THE SURGEON WAS BRILLIANT",
    "[[BRIAN]] THE VOLUNTEER DRIVER IS ALWAYS LATE",
    "WHY HAS DR [[ABOUBAKAR]] NOT RETURNED MY CALLS",
    "PLEASE THANK [[MO]] AND [[JAS]] IN PHARMACY",
    "MRS [[NOWAKOWSKA]] THE HEAD TEACHER IGNORES PARENTS",
    "[[SIOBHÁN]] ON RECEPTION IS WONDERFUL",
    "SISTER [[ADEBAYO-COLE]] RUNS A TIGHT SHIP AND THE WARD IS BETTER FOR IT",
    "DR [[MACLEAN]] SAVED MY LIFE",
    "CONSULTANT MR [[DE VILLIERS]] DID NOT EXPLAIN ANYTHING",
    "MY NAME IS [[BEVERLEY GRANT]] AND I HAVE BEEN WAITING 14 WEEKS FOR A CALLBACK",
    "THANKS [[TEZ]]",
    "[[HOPE]] THE HCA WAS LOVELY",
    "[[WILL]] AND [[JOY]] IN OUTPATIENTS WERE SO HELPFUL",
    "DR [[PATEL]] AND DR [[SHAH]] GAVE CONFLICTING ADVICE",
    "[[MUHAMMAD]] THE PORTER WAS KIND TO MY MUM",
    "MISS [[ÖZDEMIR]] IS THE BEST TEACHER IN THE SCHOOL",
    "[[PRECIOUS]] ON NIGHTS IS AMAZING",
    "NURSE [[O'SULLIVAN]] WAS LOVELY TO MY DAD",
    "ASK FOR [[DEL]] HE KNOWS WHAT HE IS DOING",
    "[[JOLENE]] AT THE DENTIST WAS VERY PATIENT WITH MY SON",
    "PHYSIO [[RAVI]] IS THE BEST",
    "MR [[NAKASHIMA]] THE HEAD OF MUSIC IS BRILLIANT",
    "PROF [[ACHEAMPONG]] NEVER ANSWERS EMAILS",
    "[[TOMMY]] AND [[SHAUNA]] AT THE DAY CENTRE ARE GREAT",
    "DR [[GARCÍA]] WAS VERY NICE BUT THE WAIT WAS 5 HOURS",
    "HI [[LORNA]] THANKS FOR THE CALL",
    "[[MARGARET]] THE VOLUNTEER DESERVES AN AWARD",
    "[[KOFI]] AT THE FRONT DESK WAS VERY HELPFUL",
    "WELL DONE [[BRONWEN]] AND THE TEAM",
    "DR [[MCCARTHY-NWOSU]] LISTENED TO ME",
    "THANK YOU TO [[ANGHARAD]], [[PAULINE]] AND [[SUE]] ON THE ROUND",
    "MRS [[ALVES]] HAS MADE MY DAUGHTER LOVE READING",
    "I WOULD LIKE TO THANK [[YAKUBU]] IN THE PLASTER ROOM",
]

# ====================================================================== other kinds
EMAIL_SENTENCES = [
    "Please reply to [[s.okafor84@gmail.com]] rather than my work address.",
    "My daughter's email is [[ellie.mae.r@hotmail.co.uk]] if you need to reach her about the appointment.",
    "You can reach me on [[DHUGHES1962@BTINTERNET.COM]], I don't check it often though.",
    "contact me at [[gaz.t_77@yahoo.co.uk]] pls",
    "Send the meeting notes to [[priya.raghunathan2@nhs.net]] and I will circulate them.",
    "email: [[k.wisniewska+school@outlook.com]]",
    "My partner ([[tom.and.bea.h@icloud.com]]) should be copied in to all letters.",
    "I have written three times to [[j_mcallister@protonmail.com]] and had nothing back.",
    "Please update my email to [[rhi.pryce.1990@gmail.com]] as the old one no longer works.",
    "reply to [[mags_1954@aol.com]] as I don't have a mobile",
    "My student email is [[u2231847@student.northmere.ac.uk]] for anything about the placement.",
    "If anything changes, email [[the.fergusons.home@gmail.com]] and one of us will see it.",
    "my email is [[ZARA.K.AHMED@GMAIL.COM]]",
    "Please email my social worker directly at [[l.obrien@northmere.gov.uk]].",
    "[[jas.sandhu.teacher@outlook.com]] is the best address for me during term time.",
    "For the parents' forum mailing list, please add [[chloe_dupont@orange.fr]].",
    "Email me at [[nguyen.thi.mai@gmail.com]] with the Vietnamese translation please.",
    "Any questions, drop me a line on [[ollie-d@btopenworld.com]].",
    "Can you send the care home invoice to [[accounts+careplan@kirkbrideholdings.co.uk]]?",
    "i sent the photos to [[bazza.d1979@gmail.com]] by mistake can someone delete them",
    "PLEASE EMAIL ME AT [[JOHNNYB.1950@HOTMAIL.COM]] NOT BY POST",
    "Write to [[fatima.a.k@yahoo.com]] for the signed consent form.",
    "Copy in my advocate please: [[r.hollis@voiceability-north.org.uk]]",
    "I'm an exchange student, my home university email is [[e.yildiz@ogrenci.egeuni.edu.tr]].",
    "The school has my old email, it should now be [[dadof3.wilko@sky.com]].",
    "e-mail [[m.ferreira-costa@sapo.pt]] please, my English is better written than spoken",
    "Reply to [[AliciaRenwick@Live.co.uk]] for anything urgent.",
    "My GP asked me to send the photos to [[northmere.fhc@nhs.net]] but I got no confirmation.",
    "you have my email wrong it is [[sian.ap.rhys@btinternet.com]] not the one on the letter",
    "Contact: [[kwame.boat@googlemail.com]] / evenings only",
]

PHONE_SENTENCES = [
    "Please call me on [[07700 900417]] after 5pm.",
    "My mobile is [[07700900882]] if the ward needs me overnight.",
    "ring me on [[+44 7700 900135]] im abroad till sunday",
    "Contact number: [[+44 (0)7700 900 624]]",
    "Home phone [[(0113) 496 0271]], mobile [[07700 900 318]].",
    "The surgery rang me from [[0161 496 0733]] but when I called back nobody answered.",
    "Call my daughter on [[020 7946 0158]] instead, she deals with my appointments.",
    "You can get me on [[0117-496-0842]] during office hours.",
    "text [[07700-900-561]] not the landline",
    "My number changed to [[07700 900 009]] last month and you still use the old one.",
    "tel. [[0131 496 0590]]",
    "Please phone [[+44 20 7946 0377]] to confirm the appointment.",
    "Her landline is [[01414960118]], she is hard of hearing so let it ring.",
    "[[0121 496 0954]] is my work number, best between 12 and 1.",
    "mob [[07700.900.246]]",
    "Call us on [[+447700900703]] if there are any changes to his care plan.",
    "My husband's number: [[07700 900 980]].",
    "Reach me on WhatsApp, [[+44 7700 900511]].",
    "ph [[0114 496 0467]]",
    "Please leave a message on [[0118 496 0829]] if I don't answer.",
    "CALL ME ON [[07700 900 743]] ASAP",
    "The care home manager can be reached on [[(0116) 496-0612]].",
    "Calling from abroad use [[0044 7700 900398]].",
    "Best number: [[07700 900330]] (mobile) or [[0115 496 0011]] (home).",
    "Tel: [[+44 (0)161 496 0860]]",
    "Contact me on [[020-7946-0693]].",
    "Cardiff office: [[029 2018 0457]], ask for the admin team.",
    "The ward phoned from [[0191 498 0206]] at 2am and didn't leave a message.",
    "Please could the consultant's secretary ring me back on [[0113 496 0904]]?",
    "my mums number is [[07700 900 115]] she doesnt do email",
    "Out of hours: [[01632 960447]]",
]

POSTCODE_SENTENCES = [
    "I live at the top of the hill in [[LS6 2QT]] and the bus to the hospital has stopped running.",
    "Our postcode is [[m14 5rj]] but the letters keep going to the wrong house.",
    "Patient transport couldn't find us, our postcode is [[B29 6AL]].",
    "Please update my address, the postcode is now [[EH3 9DR]].",
    "The district nurses don't cover [[CF14 4XN]] any more, apparently, so who does?",
    "postcode [[ne6 5pq]]",
    "We moved to [[BT7 1NR]] in March and the appointments still go to the old house.",
    "Delivery of the hoist was meant to be to [[G12 8QQ]], not the care home.",
    "Home address postcode: [[SW98EU]]",
    "I'm in [[OX4  1XW]], is that inside your catchment?",
    "The pharmacy said they don't deliver to [[DN35 8HJ]], which is ridiculous.",
    "My mum is at [[pl4 6ab]] now, please send letters there.",
    "The 111 service sent an ambulance to [[KY16 9SS]] when we live in a completely different town.",
    "Post code [[IV2 3BW]] - the online form keeps saying it is invalid.",
    "Our school transport route starts in [[TR18 4DA]] and it takes over an hour.",
    "Taxi was booked to [[LL57 2EF]] but went to the hospital instead.",
    "[[SA1 8EN]] is my term-time address, please use that.",
    "I work in [[W1T 4JE]] so a clinic near there would suit me.",
    "OUR POSTCODE IS [[SE15 4QL]]",
    "new postcode [[e8 3pn]] from next week",
    "My son's address for the student GP registration is [[S10 2HQ]].",
    "The council says [[NG7 2UH]] is not in their area for the blue badge.",
    "Please send the wheelchair to [[le2 1xl]] and ring before you come.",
    "Can we get a home visit? We are in [[CV4 7AL]] and don't drive.",
    "Postcode for the carer's assessment is [[Hu5 2LF]].",
    "The app won't accept [[YO105DD]] as a valid postcode.",
    "We are in [[AB24 3FX]] and the nearest clinic is forty minutes away.",
    "Please note we are at [[DD1 4HN]] and not the address on the referral.",
    "Address: flat above the shop, [[BN2 0JG]]",
    "Send it to [[NW10 4RE]] please.",
]

# NHS numbers are generated (seeded) to pass the mod-11 check; {} marks where they go.
NHS_TEMPLATES = [
    ("My NHS number is {}.", "3-3-4"),
    ("NHS no. {} in case you need it.", "3-3-4"),
    ("Please check the records for NHS number {}, the date of birth is wrong on the letter.", "3-3-4"),
    ("nhs number {}", "10"),
    ("My mum's NHS number: {}", "3-3-4"),
    ("NHS {} - referral still not received.", "dash"),
    ("The letter quoted NHS number {} but that is my husband's, not mine.", "3-3-4"),
    ("(NHS No: {})", "10"),
    ("His NHS number is {} if that helps you find him.", "3-7"),
    ("Ref NHS number {} - please update my GP.", "dot"),
    ("MY NHS NUMBER IS {}", "3-3-4"),
    ("nhs no {} pls confirm my appointment", "10"),
    ("I gave my NHS number ({}) three times and still had to repeat it at the desk.", "3-3-4"),
    ("Patient NHS number: {}. Ward: day surgery.", "dash"),
    ("Her NHS number {} is on the discharge summary.", "3-3-4"),
    ("For the prescription query, NHS number is {}.", "3-7"),
    ("NHS#{}", "10"),
    ("My son's NHS number is {} and he is under the paediatric team.", "3-3-4"),
    ("Quote NHS number {} when you call back.", "dot"),
    ("the nhs number on the letter is {} which is wrong", "3-3-4"),
    ("NHS number {}, date of the missed appointment 4 March.", "dash"),
    ("Dad's NHS no is {}", "3-7"),
    ("My NHS number ({}) was written on the wrong form.", "10"),
    ("Could you link my records, NHS number {}?", "3-3-4"),
    ("NHS No. {} / hospital number unknown", "3-3-4"),
    ("nhs {}", "dash"),
    ("The referral should be under NHS number {}.", "3-3-4"),
    ("NHS number - {}", "10"),
]

URL_SENTENCES = [
    "I posted about my experience on [[https://www.facebook.com/groups/northmereparentsvoice]] and lots of other parents agreed.",
    "My fundraising page for the ward is [[www.justgiving.com/page/ward9-thankyou-run]].",
    "I write about my recovery at [[longcovidandme.wordpress.com]] if the team want to read it.",
    "instagram: [[instagram.com/sunnydays_after_chemo]]",
    "I tweeted the photos of the corridor: [[https://x.com/angrydad_ward4/status/1854433120987]]",
    "My LinkedIn is [[linkedin.com/in/physio-grad-2025-94a1b2]] if you want references.",
    "More about our carers' group at [[http://www.northmere-carersgroup.org.uk/events]]",
    "follow my student nurse journey on [[tiktok.com/@nursejojodiaries]]",
    "The photos of the damp in the room are here: [[https://photos.app.goo.gl/Xb7kQp2RtW9mNs4A8]]",
    "I vlog about life with MS at [[youtube.com/@bexrecovers]]",
    "The petition about the closure is at [[bit.ly/3xQm9Lp]]",
    "We set up [[https://www.gofundme.com/f/help-dad-get-home-from-hospital]] because the wait for a package of care was so long.",
    "My rota tool is open source, see [[github.com/kw-dev/ward-rota-tool]].",
    "My knitting shop raises money for the unit: [[etsy.com/uk/shop/KnitsByNanaJ]]",
    "Read my full review at [[https://www.northmerefamilies.co.uk/blog/our-nicu-story]]",
    "FACEBOOK PAGE [[FACEBOOK.COM/JUSTICEFORMUM2026]]",
    "Here is the video of the ambulance wait: [[https://youtu.be/q3XvL8mT2aQ]]",
    "my blog is [[medium.com/@carer_diaries/the-night-shift-of-a-son-7f3a]]",
    "The wheelchair I bought is the one on [[www.mobilitykit-direct.co.uk/products/fold-lite-2]].",
    "The support group meets online: [[https://meet.jit.si/northmere-stroke-carers]]",
    "our class page [[padlet.com/missg_year4/spring-term]]",
    "Threads: [[threads.net/@paeds_mum_of_three]]",
    "My portfolio: [[http://rosiepaints-ot.co.uk]]",
    "See [[reddit.com/user/nhs_bank_nurse_88]] for what I posted about the agency rates.",
    "my podcast [[open.spotify.com/show/4kMfP1s9QzW2aZxv]] is about caring for a parent with dementia",
    "Our family website with the memorial details: [[www.rememberinggrandad-fund.org]]",
    "The screenshots are at [[https://imgur.com/a/Tq8ZpXe]]",
    "PLEASE SIGN [[CHANGE.ORG/P/SAVE-NORTHMERE-MIU]]",
    "Contact via my site [[https://www.harbourside-doula.uk/contact]]",
]

# ====================================================================== NONE rows
NONE_SENTENCES = [
    # --- words that double as names, used as words
    "Hope it improves, because at the moment the phone line is impossible.",
    "Will the letter come in the post or only on the app?",
    "Mark the form clearly if you need an interpreter, otherwise nobody books one.",
    "I still have faith in the NHS but this visit tested it.",
    "Patience is wearing thin after four cancelled appointments.",
    "Comfort was poor on the trolleys in the corridor, I was there nine hours.",
    "The new quiet room is a ray of hope in a grim building.",
    "The bill for parking came to more than my prescription charge.",
    "We had a frank discussion about the prognosis and I appreciated the honesty.",
    "A grace period for returning library books during placements would help.",
    "Joy of joys, the lift was working for once.",
    "We left at dawn and still missed the start of clinic.",
    "Blood pressure rose sharply after the new tablets.",
    "The playground is sandy and the children bring half of it home.",
    "A pat on the back is nice, a pay rise would be nicer.",
    "Summer holidays are hard when the school clubs all shut.",
    "There was an amber weather warning and half the staff couldn't get in.",
    "My parents celebrated their ruby anniversary on the ward, the staff brought a cake.",
    "They had to jack up the bed because the brakes were broken.",
    "Mercy was not shown to the families waiting outside in the cold.",
    "Every day at the hospice felt like a blessing.",
    "Time with my baby is precious and I wasn't allowed to hold her for hours.",
    "The staff were angels, every single one of them.",
    "There is a robin that sits on the windowsill of bay 4 every morning.",
    "Holly and ivy decorations on the ward made Christmas feel less lonely.",
    "Not a penny of the car park money seems to go back into patient care.",
    "The sky lights in the atrium leak when it rains.",
    "Rich food is all the canteen does after 6pm.",
    "The dean of the medical school should read these comments.",
    "The nurse drew blood three times because the first samples were lost.",
    "I had to chase up the results myself, twice.",
    "It felt like a bargain hunter's market trying to get a GP slot.",
    "The kids made mason jar lanterns in art and loved it.",
    "We drove miles because the local unit was closed.",
    "Sunny side up eggs at breakfast were a lovely surprise.",
    "Honey and lemon was all they offered for my sore throat.",
    "Faith groups are welcome to use the multi-faith room, which is great.",
    "Victory! The water fountain in the waiting room has finally been fixed.",
    "Bob's your uncle, once I found the right desk it was sorted in minutes.",
    "Grace before meals is still said at the care home, which my dad likes.",
    "Dawn shifts start at 6.30 and there is no bus before 7.",
    "Don't get your hopes up about a callback.",
    "Will power alone won't get me through this waiting list.",
    "Marks for the coursework were released two weeks late.",
    "Frankly, the discharge was a shambles.",
    "Joyful atmosphere at the summer fete, well done all.",
    "Amber lights on the monitors kept beeping all night.",
    "The holly bushes by the entrance scratch the wheelchair users.",
    "A ray of sunshine in a difficult week was the music therapy session.",
    "Patient transport was late again.",
    "Sandy floors in the changing rooms after swimming, please sort.",
    "Robins and blue tits in the garden are a joy for the residents.",
    "Drew a blank every time I asked when the consultant would come.",
    "Dean's list criteria are unclear to most students.",
    # --- drugs and medical terms (incl. eponyms)
    "The co-codamol made me badly constipated and nobody warned me it might.",
    "I was switched from sertraline to citalopram without anyone reviewing me first.",
    "Oramorph was given over an hour late on two nights running.",
    "Why is metformin still on my repeat list when the diabetes nurse stopped it?",
    "The pharmacy ran out of Creon again and my son can't eat without it.",
    "They gave me Movicol and Senna together, which was a mistake.",
    "My Ventolin inhaler prescription was refused because it was 'too early'.",
    "Warfarin clinic is now in a different building and nobody told us.",
    "Apixaban and ibuprofen should not be given together, and yet.",
    "The Fortisip drinks are vile, can we have a different flavour?",
    "Calpol and Nurofen alternating worked once someone explained the timings.",
    "Lansoprazole has helped, but the side effects were never mentioned.",
    "Zopiclone was offered as if it were nothing.",
    "Gaviscon should be available without waiting for a doctor to sign it.",
    "The EpiPen training for staff at nursery was excellent.",
    "Mum has Parkinson's and her medication times were not kept to on the ward.",
    "My husband has Alzheimer's and the staff were patient with his questions.",
    "Living with Crohn's means I need a toilet quickly, and the clinic only had one.",
    "The Hodgkin lymphoma support group is excellent.",
    "My son has Down's syndrome and was spoken to like a person, thank you.",
    "Bell's palsy was diagnosed quickly and the steroids started the same day.",
    "Raynaud's makes the cold waiting room unbearable.",
    "The Achilles tendon repair went well but physio was a ten-week wait.",
    "After my Caesarean I wasn't offered help getting out of bed.",
    "Guillain-Barré is rare, and it showed, nobody on the ward knew what to do.",
    "My daughter's Tourette's tics were treated as bad behaviour by the new teacher.",
    "Addison's disease patients need their hydrocortisone on time, not when the round gets there.",
    "Sudocrem was the only thing that helped the nappy rash.",
    "The Macmillan nurse was the most useful person we met.",
    "A Marie Curie nurse stayed overnight so we could sleep.",
    # --- wards, buildings, hospitals, places
    "Seacole Ward was spotless and the staff were lovely.",
    "The signage to the Fleming Wing is useless, we walked round the whole site twice.",
    "Parking outside the Brunel Building is a nightmare after 9am.",
    "Nightingale Ward needs more than one working shower.",
    "The Jenner Unit lost my blood samples.",
    "Darwin Ward has no clock visible from the beds, my dad kept losing track of time.",
    "The Florence Unit is bright and calm.",
    "Victoria Wing's lifts have been broken since August.",
    "Albert Ward is too hot at night.",
    "The Turing Building lecture theatres have no working microphones.",
    "Lectures in the Rosalind Franklin Building are always overcrowded.",
    "Outpatients at the Churchill were efficient.",
    "We were transferred to the Royal Victoria Infirmary by ambulance at midnight.",
    "Great Ormond Street were amazing with our daughter.",
    "Alder Hey's play specialists deserve more funding.",
    "Addenbrooke's was far better organised than our local hospital.",
    "Queen Elizabeth Hospital car park charges are extortionate.",
    "The Princess Royal is miles from anywhere without a car.",
    "Stepping Hill A&E was rammed on a Monday morning.",
    "Ninewells has lovely staff but terrible parking.",
    "I was sent to Morriston for the scan and it took the whole day.",
    "The Freeman was excellent for my heart surgery.",
    "Milton Keynes to the specialist centre is a two-hour round trip.",
    "We travel from St Helens every week for dialysis.",
    "Bishop Auckland hospital should keep its minor injuries unit.",
    "The bus from Chester-le-Street doesn't run on Sundays.",
    "The clinic on Gladstone Terrace is impossible to find.",
    "There are no dropped kerbs outside the surgery on Victoria Road.",
    "The Kingsway health centre reception was friendly.",
    "Fort William to Inverness is a long way to go for a ten-minute appointment.",
    "Port Talbot patients have to travel to Swansea for everything now.",
    "St Thomas' has lovely views but the food was cold.",
    "The Wolfson Centre waiting area needs more chairs.",
    "Sutton Coldfield's walk-in centre closed at 4pm, not 8pm as advertised.",
    "Telford Road practice switched to online-only booking without warning.",
    # --- shops, cafés, products, charities named after people or families
    "The Costa in the main entrance closes at 6, so night staff have nothing.",
    "Greggs opening on site has been a game changer for night shifts.",
    "Marks and Spencer in the foyer is too expensive for visitors.",
    "There's a Sainsbury's across the road but no safe crossing.",
    "The WHSmith by outpatients never has phone chargers.",
    "Boots in the hospital could not fill my prescription.",
    "Timpson cut my keys in five minutes, which is more than I can say for the parking office.",
    "The McDonald's on the ring road is the only hot food near the hospital at night.",
    "Holland & Barrett vitamins were recommended by the nurse, which surprised me.",
    "The kids' ward had Ben & Jerry's on a Friday, which was lovely.",
    "Nando's vouchers for the staff awards were a nice touch.",
    "My Doc Martens were confiscated at the school gate for being the wrong colour.",
    "Dr Martens boots aren't allowed on the ward for hygiene reasons, fair enough.",
    "The Cadbury's chocolate in the vending machine is always out of stock.",
    "Mr Kipling cakes were the only thing on the tea trolley.",
    "Waitrose donated food for the staff room over Christmas, thank you.",
    "John Lewis gift vouchers as long-service awards felt generous.",
    "Morrisons delivered our shopping while Mum was in hospital.",
    "Thorntons chocolates from a family made the nurses' day.",
    "Clarks measured my son's feet for orthotic shoes, which the clinic recommended.",
    "Wetherspoons is where half the staff go after a late shift.",
    "The Harvester across the road does cheap meals for families visiting.",
    "A Dr Oetker pizza is not a hot meal for a patient on a twelve-hour shift.",
    "Heinz soup was the only thing Dad would eat.",
    "Father Christmas came round the children's ward and the nurses were all dressed as elves.",
    "The Tooth Fairy left a note on the paediatric dental ward, very sweet.",
    # --- software, apps, systems
    "SystmOne crashed twice during my appointment.",
    "The NHS App shows my results but not what they mean.",
    "EMIS Web makes it hard for the practice to see hospital letters.",
    "Since Epic went live every clinic runs an hour late.",
    "HealthRoster shows shifts I never agreed to.",
    "Teams calls keep dropping during supervision.",
    "Zoom therapy sessions work better for me than going in.",
    "Moodle is down every time an assignment is due.",
    "ClassDojo messages go unanswered for days.",
    "Google Classroom homework is set at 10pm, which is ridiculous for primary children.",
    "ParentPay charges a fee to top up dinner money.",
    "Arbor keeps marking my son absent when he's at his medical appointments.",
    "The accuRx text came from a number I didn't recognise so I ignored it.",
    "Patchs forms are too long for a simple prescription request.",
    "Alexa in the residents' lounge plays music on request and they love it.",
    "Blackboard Collaborate recordings never have sound.",
    "The Florence text service reminding me to take my blood pressure is helpful.",
    "Outlook calendar invites for training arrive after the session.",
    "Allocate says I have 30 hours of leave left, HR says 12.",
    # --- months, days, capitalised starts, titles without names
    "In May the car park was closed for resurfacing and nobody warned us.",
    "June appointments were all moved to July without explanation.",
    "August is always chaos when the new junior doctors start.",
    "April's clinic letter arrived in October.",
    "Sunday evenings are the worst time to be on the ward.",
    "Every Wednesday the pharmacy closes early.",
    "Matron came round and apologised, which we appreciated.",
    "Sister on the day unit was lovely.",
    "The Dr was kind but clearly rushed.",
    "Nurse came every hour to check my obs.",
    "The head teacher never replies to emails.",
    "Consultant ward rounds are at 8, so families can't ask anything.",
    "The receptionist was rude and the physio was late.",
    "Our GP is brilliant but impossible to book.",
    "Dr Google would have given me a better answer than the 111 call.",
    "Staff Nurse on nights was stretched very thin.",
    "Excellent service, thank you to all.",
    "Nobody introduced themselves.",
    "Great team, well led, proud to work here.",
    "Brilliant care throughout.",
    "Please bring back the evening clinics.",
    "Cleaner toilets please.",
    # --- lower case
    "hope the new system works better than the old one",
    "will someone ring me back please been waiting 3 days",
    "mark my words this place will close",
    "the bill for the taxi home was 40 quid",
    "nurse was lovely, doctor not so much",
    "frank answer from the consultant which i needed",
    "patience is running out with the school",
    "no comfort at all in them plastic chairs",
    "got there at dawn and still waited 4 hours",
    "parking is a joke",
    "food was cold again",
    "the pharmacy in sainsburys is better than the hospital one",
    "seacole ward was lovely",
    "had to chase the letter myself again",
    "the app keeps logging me out",
    "in june they said 6 weeks its now december",
    "drew a picture of the nurses for the notice board my son loved it",
    "sky high prices in the cafe",
    "staff were lovely but the ward was filthy",
    "great care thank u all",
    "the co-codamol made me so sick",
    "costa closes too early for visitors",
    "the brunel building lifts are always broken",
    "rich coming from the school to talk about attendance when they cancel lessons",
    "amber warning for snow and they still expected us in",
    # --- ALL CAPS
    "PARKING IS A DISGRACE",
    "HOPE THINGS IMPROVE SOON",
    "WILL THE WAITING LIST EVER GO DOWN",
    "THE FLEMING WING IS FREEZING",
    "NO FAITH LEFT IN THIS SURGERY",
    "GRACE PERIOD ON PARKING FINES PLEASE",
    "SEACOLE WARD STAFF ARE STARS",
    "MAY AND JUNE WERE A NIGHTMARE FOR APPOINTMENTS",
    "THE DOCTOR WAS EXCELLENT THANK YOU",
    "FOOD IS TERRIBLE",
    "PATIENCE WEARING THIN",
    "GREGGS ON SITE IS A LIFESAVER",
    "NEED MORE STAFF ON NIGHTS",
    "CANT GET THROUGH ON THE PHONE",
    "THE MACMILLAN NURSE WAS BRILLIANT",
    "FRANK AND HONEST CONVERSATION WITH THE CONSULTANT",
    "MATRON NEEDS TO WALK THE WARDS AT NIGHT",
    "THE NHS APP IS USELESS",
    "BLESSING IN DISGUISE THAT I WAS ADMITTED",
    "DAWN TILL DUSK IN A AND E",
    # --- long
    "I was admitted through A&E on a Saturday evening. Triage was quick but then I waited nine hours on a trolley in a corridor. The Fleming Wing was full, so I was moved to an escalation area with no toilet nearby. Hope the trust is planning more beds, because the staff clearly can't keep going like this. Faith in the system is hard to keep.",
    "My son started at the school in September. The first term was rocky because his EHCP had not been read by anyone. Since January things have improved a lot. The SENCo now meets us every half term and the class teacher uses the visual timetable. Will this continue next year when he changes class?",
    "Visiting hours on Seacole Ward are too short for working families. By the time I get there after work it is almost over. The staff are lovely and always make me a tea. Comfort for relatives is poor though, there is one broken chair per bed. Please look at this.",
    "The staff survey feels pointless. Every year we say the same things about breaks, parking and rota fairness. Every year the action plan says we will be listened to. Patience is wearing thin across the team. Frank conversations with senior leaders would help more than another poster.",
    "We were referred in March and seen in November. In the meantime my daughter's anxiety got worse and she stopped going to school. The assessment itself was thorough and kind. The report is clear and useful. The wait was the problem, not the people.",
    "Care home food has improved a lot since the new kitchen opened. There is now a choice at lunch and a proper tea trolley at 3. Residents who need pureed food get it presented nicely, not as a brown splodge. Mealtimes are calmer with the music on. A real improvement.",
    "the surgery used to be great. now you cant get through on the phone at 8am and by 8.15 all the appointments are gone. the online form closes as soon as it opens. the reception staff are doing their best but its not working. something has to change",
    "I work nights in the emergency department. Since the new rota we have had no protected breaks and the staff room has no working fridge. The Costa closes at 6 and the vending machine is always empty. We are exhausted. Please can someone look at basic facilities for night staff.",
    "My mother was on the stroke unit for a month and the therapy was excellent. Speech and language therapy saw her daily. The physiotherapists got her standing within a week. The only issue was communication with the family; we never knew when the consultant would be around. Mark this as very good overall.",
    "THE PARKING AT THIS HOSPITAL IS A JOKE. I CIRCLED FOR FORTY MINUTES AND MISSED MY SLOT. THEN I HAD TO PAY TEN POUNDS. NOBODY SEEMS TO CARE.",
]

TITLES = {
    "dr", "mr", "mrs", "ms", "miss", "mx", "nurse", "sister", "matron", "prof", "professor",
    "sir", "dame", "rev", "revd", "father", "consultant", "physio", "doctor", "the", "staff",
    "midwife", "porter", "receptionist",
}


def nhs_check_digit(first9: str) -> int | None:
    """Mod-11 check digit for an NHS number, or None when the nine digits are unusable."""
    total = sum(int(d) * w for d, w in zip(first9, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def nhs_valid(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    if len(digits) != 10:
        return False
    return nhs_check_digit(digits[:9]) == int(digits[9])


def make_nhs_numbers(n: int, rng: random.Random) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        first9 = rng.choice("469") + "".join(rng.choice("0123456789") for _ in range(8))
        check = nhs_check_digit(first9)
        if check is None:
            continue
        number = first9 + str(check)
        if number in seen or len(set(number)) < 4:
            continue
        seen.add(number)
        out.append(number)
    return out


def fmt_nhs(number: str, style: str) -> str:
    a, b, c = number[:3], number[3:6], number[6:]
    return {
        "3-3-4": f"{a} {b} {c}",
        "3-7": f"{a} {b}{c}",
        "10": number,
        "dash": f"{a}-{b}-{c}",
        "dot": f"{a}.{b}.{c}",
    }[style]


def parse(marked: str) -> tuple[str, list[str]]:
    """Strip [[...]] marks; return the plain text and the marked values (in order, each once)."""
    values: list[str] = []
    for v in MARK.findall(marked):
        if v not in values:
            values.append(v)
    return MARK.sub(lambda m: m.group(1), marked), values


def ofcom_drama(value: str) -> bool:
    d = re.sub(r"\D", "", value)
    if d.startswith("0044"):
        d = d[4:]
    elif d.startswith("44"):
        d = d[2:]
    if not d.startswith("0"):
        d = "0" + d
    return bool(
        re.fullmatch(r"07700900\d{3}", d)
        or re.fullmatch(r"01\d\d4960\d{3}", d)
        or re.fullmatch(r"02079460\d{3}", d)
        or re.fullmatch(r"01914980\d{3}", d)
        or re.fullmatch(r"02920180\d{3}", d)
        or re.fullmatch(r"01632960\d{3}", d)
    )


def build() -> list[dict[str, str]]:
    rng = random.Random(SEED)
    marked: list[tuple[str, str]] = []
    marked += [(s, "NAME") for s in NAME_MIXED + NAME_LOWER + NAME_UPPER]
    marked += [(s, "EMAIL") for s in EMAIL_SENTENCES]
    marked += [(s, "PHONE") for s in PHONE_SENTENCES]
    marked += [(s, "POSTCODE") for s in POSTCODE_SENTENCES]
    numbers = make_nhs_numbers(len(NHS_TEMPLATES), rng)
    marked += [(t.format("[[" + fmt_nhs(n, st) + "]]"), "NHS_NUMBER") for (t, st), n in zip(NHS_TEMPLATES, numbers, strict=True)]
    marked += [(s, "URL") for s in URL_SENTENCES]
    marked += [(s, "NONE") for s in NONE_SENTENCES]

    rows = []
    for m, kind in marked:
        text, values = parse(m)
        rows.append({"text": text, "kind": kind, "values": " | ".join(values), "_vals": values, "_marked": m})
    validate(rows)
    rng.shuffle(rows)
    return [{k: r[k] for k in ("text", "kind", "values")} for r in rows]


def validate(rows: list[dict]) -> None:
    problems: list[str] = []
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    minimum = {"NAME": 300, "EMAIL": 25, "PHONE": 25, "POSTCODE": 25, "NHS_NUMBER": 25, "URL": 25, "NONE": 200}
    for kind, n in minimum.items():
        if counts.get(kind, 0) < n:
            problems.append(f"only {counts.get(kind, 0)} {kind} rows (want >= {n})")

    seen: dict[str, str] = {}
    for r in rows:
        text, kind, vals = r["text"], r["kind"], r["_vals"]
        key = text.strip().casefold()
        if key in seen:
            problems.append(f"duplicate text: {text!r}")
        seen[key] = kind
        if "[[" in text or "]]" in text:
            problems.append(f"unbalanced mark: {r['_marked']!r}")
        if text != text.strip() or "|" in text:
            problems.append(f"bad whitespace or pipe: {text!r}")
        if kind == "NONE":
            if vals:
                problems.append(f"NONE row with values: {text!r}")
            continue
        if not vals:
            problems.append(f"{kind} row without values: {text!r}")
        for v in vals:
            if v not in text:
                problems.append(f"value not in text: {v!r} / {text!r}")
            if v != v.strip():
                problems.append(f"value with outer spaces: {v!r}")
            # the value must not also occur unmarked elsewhere in the same text
            marked_n = MARK.findall(r["_marked"]).count(v)
            plain_n = len(re.findall(r"(?<!\w)" + re.escape(v) + r"(?!\w)", text))
            if plain_n != marked_n:
                problems.append(f"value {v!r} occurs {plain_n}x but is marked {marked_n}x: {text!r}")
        if kind == "NAME":
            for v in vals:
                first = v.split()[0].rstrip(".").casefold()
                if first in TITLES:
                    problems.append(f"NAME value starts with a title: {v!r}")
                if any(ch.isdigit() for ch in v):
                    problems.append(f"digit in NAME value: {v!r}")
        elif kind == "NHS_NUMBER":
            for v in vals:
                if not nhs_valid(v):
                    problems.append(f"NHS number fails mod-11: {v!r}")
        elif kind == "PHONE":
            for v in vals:
                if not ofcom_drama(v):
                    problems.append(f"phone outside Ofcom drama ranges: {v!r}")
        elif kind == "EMAIL":
            for v in vals:
                if not re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", v):
                    problems.append(f"odd email: {v!r}")
        elif kind == "POSTCODE":
            for v in vals:
                if not re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}", re.sub(r"\s", "", v.upper())):
                    problems.append(f"odd postcode: {v!r}")
        elif kind == "URL":
            for v in vals:
                if " " in v or "." not in v or v[-1] in ".,;:)":
                    problems.append(f"odd URL: {v!r}")

    names = [r["text"] for r in rows if r["kind"] == "NAME"]
    lower = sum(t == t.lower() for t in names) / len(names)
    upper = sum(t == t.upper() for t in names) / len(names)
    if not 0.27 <= lower <= 0.35:
        problems.append(f"lower-case NAME share {lower:.2f} (want about 0.30)")
    if not 0.08 <= upper <= 0.13:
        problems.append(f"upper-case NAME share {upper:.2f} (want about 0.10)")
    if problems:
        raise SystemExit("validation failed:\n  " + "\n  ".join(problems))
    print("counts:", ", ".join(f"{k}={v}" for k, v in sorted(counts.items())), f"(total {len(rows)})")
    print(f"NAME rows: {lower:.0%} lower case, {upper:.0%} ALL CAPS")


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["text", "kind", "values"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()

# Hand-written BLIND to the redaction rules in src/ on 2026-12-02 by a helper session
# (only the CSV format of bench/make_privacy_heldout.py was looked at, not its sentences).
# All names, emails, phone numbers, postcodes, NHS numbers and URLs below are invented;
# phones use Ofcom drama ranges and NHS numbers are generated to pass the mod-11 check.
# ruff: noqa: E501
"""Writes bench/privacy_heldout2.csv (columns: text, kind, values): a second held-out PII set.

NAME sentences mark each name with [[...]]; the brackets are stripped and the marked
spans (in order, each once) become the row's values, joined with " | ". Titles and roles
(Dr, Nurse, Mr, Sister, physio ...) stay outside the brackets, so values hold the name only.
Other kinds mark their values the same way. NONE rows hold no personal detail.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

RNG = random.Random(2026_12_02)
OUT = Path(__file__).with_name("privacy_heldout2.csv")
MARK = re.compile(r"\[\[(.+?)\]\]")

# ---------------------------------------------------------------- NAME rows
NAME_SENTENCES = [
    # --- British, mixed case
    "[[Bethany]] on reception at the Lister Wing remembered my name from my last visit, small thing but it meant a lot.",
    "Dr [[Whitfield]] explained the biopsy results slowly and checked I had understood before moving on.",
    "Huge thanks to [[Tom Ellery]] and [[Jess Marlow]] in the discharge lounge, they sorted my transport when nobody else would.",
    "Why did Mrs [[Penhaligon]] not reply to any of my emails about the exam access arrangements?",
    "Matron [[Featherstone]] came round personally to apologise about the mix-up with my medication, which I respected.",
    "The physio, [[Callum]], gave me exercises that actually fitted round my job.",
    "Ms [[Radcliffe-Owen]] is the only lecturer on the module who uploads her slides before the lecture.",
    "Porter [[Dennis]] had me laughing all the way to X-ray, exactly what I needed that morning.",
    "I was seen by [[Harriet Lomax]] in the eye clinic and she was so patient with all my questions.",
    "Our tutor Mr [[Birchall]] cancelled three seminars in a row with no explanation at all.",
    "Please could someone thank midwife [[Lorna]] for staying past the end of her shift to deliver our son.",
    "[[Kieran]]'s manner on the phone was rude and dismissive when I rang to ask about my appointment.",
    "Receptionist [[Shona]] at the surgery always squeezes my mum in when she's poorly.",
    "I want to complain about Mr [[Ogden]], the consultant, who spoke over my wife the entire appointment.",
    "HCA [[Brenda Moorcroft]] washed and dressed my nan like she was her own family.",
    "My line manager [[Stuart]] never approves leave until the last minute and it is affecting morale across the whole team.",
    "Miss [[Kettlewell]] in Year 3 has transformed my daughter's reading, she now reads every night without being asked.",
    "Dr [[Ainsworth]] and Dr [[Pemberton]] disagreed in front of us about the treatment plan, which was unsettling.",
    "The anaesthetist, Dr [[Sykes]], held my hand while I went under. I won't forget that.",
    "Prof. [[Hargreaves]] marks essays so harshly that half the cohort are thinking of switching modules.",
    "We were looked after by [[Olivia]], [[Megan]] and [[Chloe]] on Nightingale Ward and couldn't fault any of them.",
    "Has anyone actually told [[Darren Pickles]] in estates that the lift on level 2 has been broken since March?",
    "Teacher [[Louise Hammond]] runs the after-school science club on her own time and the kids adore it.",
    "Sister [[Thwaite]] told me off for visiting outside hours even though the sign on the door said otherwise.",
    "Credit where it's due: [[Nathan Crossley]] in IT fixed my Teams login in five minutes after a week of tickets going nowhere.",
    "My GP, Dr [[Fairbairn]], referred me straight away once she heard my symptoms.",
    "I'm a second year and my personal tutor [[Rebecca Sowerby]] hasn't answered a single email since October.",
    "Staff nurse [[Jodie]] noticed my dad's sats dropping before the machine alarmed. She probably saved his life.",
    "Mr and Mrs [[Cartwright]] who run the school office are the friendliest faces in the building.",
    "I'd like to formally complain about how porter [[Gary]] spoke to my elderly father in the corridor.",
    "Thank you [[Eleanor]]! You made the worst week of our lives a little bit easier.",
    "Occupational therapist [[Imogen Blackwood]] arranged the rails and the bath seat before I even got home.",
    "Our deputy head, Mr [[Ashcroft]], handles bullying complaints quickly and fairly.",
    # --- names that are also ordinary English words
    "[[Hope]] on the children's ward made my son a paper crown because he had to stay in over his birthday.",
    "Nurse [[Grace]] was the only person who explained what the drip was actually for.",
    "[[Will]] from the pharmacy team rang me back within the hour. Brilliant service.",
    "I would like to thank [[Mark]] in outpatients for finding me a wheelchair when my legs gave out.",
    "[[Joy]] the ward clerk is an absolute star, nothing is ever too much trouble for her.",
    "Sister [[Dawn Hollins]] kept everyone calm when the fire alarm went off during visiting.",
    "[[Faith]] and [[Rose]] on the night team made a frightening night much easier to get through.",
    "Porter [[Bill]] is a legend, been there forty years and still smiles at everyone he passes.",
    "[[Sandy]] in orthotics fitted my boot properly after two other people had got it wrong.",
    "Can [[Pat]] in the booking office please return my calls? I have left four messages now.",
    "My placement tutor [[Summer]] checked in with me every week, which made such a difference.",
    "[[Amber]], the student nurse, was more confident and kinder than some of the qualified staff.",
    "HCA [[Ruby]] brought me tea and toast at 3am when I couldn't sleep.",
    "Is [[Jack]] still working in the plaster room? He sorted my cast last year and I'd like him again.",
    "Dr [[Frank]] was blunt but honest, and honestly that's what I wanted.",
    "[[Victor]] the domestic keeps bay C spotless, he deserves recognition.",
    "Mrs [[Bell]] rang home to say how well my son had done in his mocks, first positive call we've ever had.",
    "Mr [[Baker]] the registrar was rushed and didn't examine me properly.",
    "Dr [[Young]] and Dr [[Little]] were both excellent in the fracture clinic.",
    "Our SENCo Ms [[Moss]] fought hard to get my son's EHCP through.",
    "[[Holly]], [[Ivy]] and [[Daisy]] in the maternity day unit were so reassuring.",
    "Nurse [[Robin Marsh]] stayed with my mother when she passed so she wasn't alone.",
    "[[Heather]] on the switchboard put me through to the wrong department three times.",
    "Miss [[Fox]] makes history lessons genuinely exciting, my son now wants to study it at A level.",
    "[[Ray]] in the hospital radio team visits every bay on a Sunday, lovely man.",
    "Lecturer [[Penny Frost]] gives the most useful feedback of anyone in the department.",
    "[[Iris]] the volunteer at the main entrance walked me all the way to Churchill Building.",
    "Midwife [[April]] talked me through every contraction, I couldn't have done it without her.",
    "The healthcare assistant [[Drew]] was patient with my husband who gets very agitated.",
    "[[Violet]] at the pharmacy hatch took time to explain the new inhaler technique.",
    "Mr [[Wood]], the maths teacher, refuses to let the kids use calculators on homework which seems unfair.",
    "Did [[Max]] from physio ever pass on my message about the crutches?",
    "Dr [[Snow]] was wonderful and I have already told our GP so.",
    "[[Hazel]] and [[June]] on reception are the reason I'm happy to come back to this practice.",
    "Matron [[Day]] says there is nothing she can do about the parking, which is disappointing.",
    # --- Irish
    "Thanks to [[Niamh O'Sullivan]] for explaining the scan in plain English.",
    "[[Oisín]] in the blood clinic found a vein first time when everyone else had failed.",
    "Dr [[Ó Briain]] was the first doctor to take my pain seriously.",
    "Nurse [[Siobhán Ní Mhurchú]] was gentle and funny and made my daughter feel safe.",
    "[[Pádraig]] and [[Gráinne]] ran the antenatal classes brilliantly.",
    "Our head of year Mrs [[Kavanagh]] is never available when parents ask for a meeting.",
    "[[Caoimhe]]'s support on the ward was outstanding, please let her manager know.",
    "I'm a staff nurse and our manager [[Declan Fitzpatrick]] has created a really supportive culture on the unit.",
    "Mr [[O'Donoghue]] did my knee replacement and I'm walking better than I have in ten years.",
    "Physio [[Saoirse]] pushed me harder than I wanted but she was right.",
    # --- Scottish
    "It wasn't ward 3 that looked after me, it was the day surgery unit and [[Morag Buchanan]] in particular.",
    "[[Hamish]] the porter was so gentle moving my gran from the trolley.",
    "Dr [[MacKenzie]] rushed through my appointment and never asked about my mental health.",
    "Sister [[McIntyre]] and her team at Ninewells were fantastic from start to finish.",
    "My son's teacher, Mrs [[Isla Drummond]], has been so understanding about his anxiety.",
    "[[Ruaridh]] in the renal unit always has time for a chat during dialysis.",
    "Please pass my thanks to [[Catriona]] and [[Mhairi]] in the endoscopy suite.",
    "Prof [[MacGillivray]] is an inspiring lecturer but impossible to book office hours with.",
    "Consultant [[Alasdair McLeish]] was dismissive when I raised concerns about the side effects.",
    "[[Eilidh]]'s calm voice on the phone talked me through the panic attack.",
    # --- Welsh
    "[[Cerys]] on the stroke unit encouraged Dad to feed himself again.",
    "Dr [[Dafydd ap Rhys]] spoke to Mam in Welsh, which put her completely at ease.",
    "Mrs [[Llewellyn]] the head teacher has turned the school around in two years.",
    "[[Rhiannon]], [[Gethin]] and [[Bronwen]] on the early shift were brilliant.",
    "Midwife [[Angharad Price]] visited us at home three days running.",
    "Tutor [[Iolo]] gave us extra revision sessions before the exams, unpaid.",
    "Mr [[Pritchard-Jones]] in ENT explained everything and drew me a diagram.",
    # --- South Asian
    "[[Priya]]'s explanation of my diabetes plan was the clearest I've ever had.",
    "Dr [[Arjun Mehta]] listened properly, didn't just look at the screen.",
    "Nurse [[Harpreet Kaur]] spotted the allergy on my wristband that had been missed in A&E.",
    "[[Gurpreet Singh]] the porter helped carry all my bags to the taxi rank.",
    "Mr [[Iqbal]] in surgery was very professional but the wait for a date was awful.",
    "Our receptionist [[Farhana Begum]] speaks Bengali and translated for my mum.",
    "Please thank pharmacist [[Anil]] for sorting the stock problem with my Levothyroxine.",
    "Dr [[Lakshmi Venkataraman]] is a brilliant consultant, thorough and kind.",
    "The lecturer, [[Sanjay Chaudhary]], records every session, which helps those of us with caring responsibilities.",
    "[[Rukhsana]] and [[Nilufar]] in the breastfeeding support team are amazing.",
    "Physio [[Deepa Nair]] got me back on my feet after my hip operation.",
    "Mrs [[Tahmina Akhter]] runs the Year 6 SATs club and my daughter loves it.",
    "I'm an FY1 and my supervisor Dr [[Qureshi]] has been incredibly supportive during a hard rotation.",
    "Has [[Imran]] in the admin team left? Nobody answers the phone since he went.",
    "[[Sunita]], [[Ravi]] and [[Kiran]] on the haematology day unit never stop smiling.",
    "Dr [[Bhattacharya]] made me feel stupid for asking a simple question.",
    # --- East Asian
    "Dr [[Wei Zhang]] explained the procedure with a model of the heart, very helpful.",
    "[[Mei Ling]] on the surgical ward is the kindest nurse I have ever met.",
    "My dissertation supervisor, Dr [[Tanaka]], replies within a day, every single time.",
    "[[Yuki]] from the international student office helped me with my visa letter.",
    "Nurse [[Min-jun Kim]] was calm and competent during a very stressful night.",
    "Thank you to [[Nguyen Thi Lan]] in the pharmacy for double checking my doses.",
    "Physio [[Chen]] gave me a realistic timeline, which I really appreciated.",
    "[[Ji-woo Park]] and [[Hiroshi Sato]] in the lab were very welcoming to new starters.",
    "Mrs [[Xiaoling Wu]] teaches Mandarin club on Thursdays and the children love her.",
    # --- West African
    "[[Chidi Okafor]] on the AMU was professional and really reassuring.",
    "Dr [[Adebayo]] took the time to explain why the scan had been delayed.",
    "Nurse [[Oluwaseun]] was so caring with my daughter during her asthma attack.",
    "[[Kwame Mensah]] in the sterile services department trained me when I started, and he's a brilliant teacher.",
    "Midwife [[Abena Asante]] made my birth plan feel respected.",
    "Sister [[Ngozi Eze]] runs the best ward in the hospital, hands down.",
    "Our son's form tutor, Mr [[Boateng]], rings us every fortnight to check in.",
    "[[Fatoumata Diallo]] the interpreter was excellent and very discreet.",
    "HCA [[Temitope]] always remembers how my dad takes his tea.",
    "Why is Dr [[Adaeze Nwosu]] no longer running the Tuesday clinic?",
    # --- East African
    "[[Wanjiru Kamau]] in the cardiac rehab class made exercise fun again.",
    "Porter [[Abdi Hassan]] went out of his way to find my lost hearing aid.",
    "Nurse [[Amina Yusuf]] treated my grandmother with real dignity.",
    "Dr [[Tesfaye]] in the emergency department was thorough and kind.",
    "Mr [[Haile Gebremedhin]] teaches chemistry with so much energy.",
    "[[Nakato]] and [[Mwangi]] in theatres made me feel at ease before my operation.",
    # --- Caribbean
    "[[Delroy]] from security helped me find my car when I was too upset to think.",
    "Sister [[Marcia Campbell]] is the heart of the ward, everyone says so.",
    "My mentor [[Winston]] on placement taught me more in six weeks than a year of lectures.",
    "[[Beverley]] on the phlebotomy desk is always cheerful at 7am, which is some feat.",
    "Dr [[Clive Thompson-Grant]] was very thorough in the diabetes clinic.",
    "[[Jermaine]] the youth worker is the only adult my son will talk to.",
    "Mrs [[Shereen Baptiste]] has been an inspiration to the whole Year 11 group.",
    # --- Eastern European
    "[[Agnieszka Kowalska]] from housekeeping always checks we have fresh water.",
    "Dr [[Nowak]] explained things in Polish for my grandfather, which meant the world.",
    "Nurse [[Katarzyna]] was very efficient on the admissions unit.",
    "[[Oksana]] and [[Dmytro]] on the night shift made my stay bearable.",
    "The physio [[Ionuț Popescu]] was brilliant with my shoulder.",
    "Mr [[Bogdan]] from the catering team always finds me a gluten free option.",
    "My lab tutor, [[Jana Nováková]], explained the statistics far better than the lecturer.",
    "[[Zsófia Kovács]] in the research office helped me with my ethics application.",
    "HCA [[Lukas Petrauskas]] stayed late to help us move Mum to the side room.",
    "Dr [[Ilze Bērziņa]] was kind and unhurried during the scan.",
    # --- Middle Eastern
    "Dr [[Yousef Al-Khatib]] is the best surgeon I could have asked for.",
    "[[Layla]] in the outpatient pharmacy caught a dangerous interaction.",
    "Mr [[Haddad]] the deputy head dealt with the bullying incident brilliantly.",
    "Nurse [[Reza Karimi]] was patient with my father who doesn't speak much English.",
    "[[Noor]] and [[Farid]] on the surgical assessment unit were lovely.",
    "Lecturer [[Shirin Tehrani]] brings real clinical examples into every session.",
    "Dr [[Mehmet Yılmaz]] went through every option for my mum's treatment.",
    "I'm a support worker and [[Elif]] from HR made the return to work process painless.",
    # --- Latin / Southern European
    "[[José García]] the porter is always singing and it really lifts the mood.",
    "Dr [[Fernández]] was excellent with my daughter in paediatric A&E.",
    "[[Lucía]] at the student support desk sorted my hardship fund application.",
    "Physio [[João Silva]] got me walking without a stick again.",
    "Nurse [[Beatriz]] was attentive and calm all night.",
    "Ms [[Giulia Romano]] is the best Spanish teacher my son has ever had.",
    "[[Matteo]] and [[Inês]] in the research team were welcoming to me as a new PhD student.",
    "Mrs [[De Souza]] on the school gate is always so friendly.",
    "Dr [[Ana Paula da Silva]] was very clear about the risks of the procedure.",
    # --- mixed lists, questions, long comments
    "Could you let [[Tariq]], [[Sophie]] and [[Ewan]] know that their kindness got me through chemo?",
    "Why was my appointment with Dr [[Holloway]] cancelled twice without anyone telling me?",
    "Who is [[Marguerite]]? She signed my discharge letter but I never met her.",
    "I've been a healthcare assistant here for eleven years. Our ward manager [[Kelly Ashton]] is fair, but the deputy, [[Ross]], shouts at junior staff in front of patients. I've raised it twice and nothing has changed. People are leaving because of it and it's not fair on the ones who stay.",
    "My mother was admitted on a Friday evening and did not see a doctor until Sunday. When she finally did, Dr [[Oyelaran]] was excellent and apologised for the delay. The nurses, especially [[Tracey]], were run off their feet. Please staff the weekends properly.",
    "This is my third year on the course. Professor [[Maitland]] has been the one constant; everyone else on the module team has changed each year. The timetable gets released late, the assessments clash, and Moodle is a mess. But [[Maitland]]'s lectures are worth turning up for.",
    "Our daughter has complex needs and school has been a battle. Since Mrs [[Okoro]] took over as SENCo things have finally moved. She listens, she follows up, and she doesn't make us feel like a nuisance. I wish every school had someone like her.",
    "I was nervous about coming in for the colonoscopy. The nurse, [[Bernadette]], explained everything and stayed with me throughout. Dr [[Vasquez]] was quick and gentle. Afterwards [[Sid]] made me a cup of tea and some toast. Couldn't ask for better.",
    "The night my dad died, the nurses on Cavell Ward were wonderful. [[Grace Adjei]] sat with us for hours. [[Paul]] made sure we had a private room. I will never forget their kindness.",
    "I work in the pharmacy and morale is at rock bottom. We are three technicians short and our lead, [[Graham]], keeps promising recruitment that never happens.",
    "Mr [[Rahman]]'s diabetes clinic is always overbooked, and it isn't his fault.",
    "Is there any way [[Chantelle]] could be my named nurse again next time?",
    "Dr [[Vaughan-Williams]] — thank you. You were honest with us when we needed it.",
    "We met [[Lindiwe]], [[Thandiwe]] and [[Sipho]] in the NICU and they kept us sane.",
]

NAME_LOWER = [
    # --- typed on a phone, all lower case
    "[[will]] at the front desk was so helpful thank you",
    "massive thanks to [[hope]] and [[grace]] on ward 9 you were amazing",
    "dr [[patel]] explained everything really well",
    "nurse [[joy]] is amazing",
    "[[mark]] on nights is always rushing and never answers the buzzer",
    "sister [[mcgrath]] was lovely to my dad",
    "mr [[o'brien]] the surgeon didnt even introduce himself",
    "thank you to [[dawn]] and [[faith]] for looking after mum",
    "[[bill]] the porter was great",
    "ask for [[sandy]] if you go to the plaster room shes the best",
    "[[pat]] on reception was rude to my husband",
    "miss [[summers]] is my sons teacher and she is fab",
    "[[amber]] and [[ruby]] on the birth centre were brilliant x",
    "[[jack]] the physio got me walking again",
    "dr [[frank]] is a brilliant gp, always listens",
    "[[victor]] was the one who cleaned my room and he was so kind",
    "[[rose]] the volunteer in the cafe made my day",
    "hope you pass this on to [[ellie]] in a&e she was wonderful",
    "i want to thank [[priya]] and [[aisha]] for everything",
    "mrs [[hughes]] in year 4 is the best teacher my daughter has had",
    "[[siobhan]] on the ward was lovely",
    "[[tomasz]] in the kitchen made me a special meal when i couldnt eat the normal food",
    "dr [[nguyen]] was quick and kind",
    "my tutor dr [[lewis]] never answers emails",
    "big shout out to [[kemi]] and [[tunde]] on the surgical ward",
    "nurse [[o'connor]] was really rough taking my bloods",
    "midwife [[jess]] was amazing during my labour",
    "thanks [[chris]] for sorting my sick note so fast",
    "ms [[mcallister]] in english has really helped my son with his confidence",
    "the hca called [[sharon]] was an angel",
    "dr [[mohammed]] was very thorough",
    "i saw dr [[okonkwo-bell]] and he was great",
    "matron [[fletcher]] needs to sort out the staffing on nights",
    "mrs [[kowalczyk]] in the office was so helpful with the forms",
    "[[ryan]] in security was very kind to my son who has autism",
    "prof [[singh]]'s lectures are really hard to follow",
    "can someone please tell [[leanne]] she did an amazing job",
    "dr [[shah]] and nurse [[ellis]] were excellent",
    "the lady on reception ([[mandy]]) was really unhelpful",
    "[[fatima]] the pharmacist explained all my meds",
    "[[yusuf]] in physio is a legend",
    "nurse [[grace]] was so gentle with my baby",
    "thank u to [[holly]] on ward 22 xx",
    "dr [[rossi]] explained my scan properly for the first time",
    "[[kate]] and [[mel]] on reception are always cheerful",
    "mr [[macdonald]] the pe teacher shouts at the kids too much",
    "i was seen by a nurse called [[blessing]] and she was lovely",
    "[[joy]] on the ward was the opposite of her name tbh",
    "will the doctor (dr [[will evans]]) be there next week too",
    "can [[mark]] please call me back about the results",
    "nurse [[precious]] was brilliant",
    "mrs [[o'neill]] is the best head teacher",
    "[[sandra]] in the canteen always saves me a jacket potato",
    "dr [[ahmed]] and dr [[begum]] were both excellent",
    "sister [[de la cruz]] runs a great team",
    "[[dawn]] on the switchboard was so helpful",
    "thank you [[lucy]], you were a star on the day of my op",
    "my mentor on placement was called [[abi]] and she was so supportive",
    "mr [[van der merwe]] was very professional",
    "dr [[khan]]'s clinic always runs over an hour late",
    "[[jamie]] and [[connor]] from the ambulance crew were brilliant with my nan",
    "nurse [[li wei]] didnt understand what i was saying",
    "mrs [[adeyemi]] in reception is a star",
    "[[chantal]] the hca was so kind",
    "ms [[zielinska]] is a brilliant maths teacher",
    "[[patience]] the nurse had so much patience with my dad haha",
    "[[frank]] the porter is the funniest man alive",
    "dr [[chowdhury]] needs to work on his bedside manner",
    "[[hannah]] from the mental health team saved my life",
    "[[sean]] and [[aoife]] in the therapy team were amazing",
    "[[ray]] the bus driver at the park and ride was lovely",
    "[[ivan]] on the night shift was very professional",
    "mr [[al-rashid]] is very good surgeon",
    "my lecturer [[kev]] is brill",
    "thank you to the midwives esp. [[bola]] and [[ruth]]",
    "dr [[mcnulty]] didnt listen to a word i said",
    "why has mrs [[sharma]] left? she was the best teacher in the school",
    "dr [[john richards]] was very thorough",
    "tell [[becky]] she was the best",
    "[[kofi]] in the xray dept was very kind",
    "nurse [[rosa]] was wonderful to my mother",
    "dr [[ferreira]] is a fantastic consultant",
]

NAME_UPPER = [
    # --- ALL CAPITALS
    "NURSE [[KELLY]] WAS FANTASTIC THANK YOU",
    "DR [[HENDERSON]] DID NOT LISTEN TO ANYTHING I SAID",
    "PLEASE THANK [[JOY]] AND [[HOPE]] ON THE CHILDREN'S WARD",
    "[[WILL]] ON RECEPTION WAS VERY RUDE TO MY ELDERLY MOTHER",
    "MR [[O'SULLIVAN]] THE CONSULTANT WAS BRILLIANT",
    "[[MARK]] THE PORTER WENT ABOVE AND BEYOND",
    "SISTER [[MCDERMOTT]] RUNS AN EXCELLENT WARD",
    "[[PRIYA]] AND [[DEEPAK]] IN PHARMACY WERE VERY HELPFUL",
    "MRS [[ABERNETHY]] IS THE BEST TEACHER IN THE SCHOOL",
    "I WAS LEFT WAITING FOR SIX HOURS AND DR [[MALIK]] NEVER APOLOGISED",
    "THANK YOU [[GRACE]] FOR EVERYTHING",
    "[[OLUWAFEMI]] WAS A STAR",
    "DR [[NAKAMURA]] EXPLAINED EVERYTHING CLEARLY",
    "MIDWIFE [[BRIDGET]] DESERVES AN AWARD",
    "MY TUTOR DR [[ELLISON]] NEVER TURNS UP TO OUR MEETINGS",
    "[[DAWN]] AND [[ROSE]] IN THE DAY UNIT WERE WONDERFUL",
    "PHYSIO [[BILL]] IS THE BEST",
    "MR [[MACINTOSH]] SHOUTED AT MY SON IN FRONT OF THE WHOLE CLASS",
    "HCA [[MARIA SANTOS]] WAS VERY CARING",
    "WHY DID NOBODY TELL PROF [[HARTLEY]] ABOUT THE CLASH IN THE EXAM TIMETABLE?",
    "[[NIAMH]] IN THE EYE CLINIC WAS AMAZING",
    "RECEPTIONIST [[SANDRA PIKE]] WAS EXTREMELY UNHELPFUL",
    "I WANT TO THANK [[KWAME]] THE PORTER",
    "DR [[WOJCIK]] WAS VERY PROFESSIONAL",
    "MATRON [[FAITH OKAFOR]] SORTED MY COMPLAINT IN ONE DAY",
    "[[AMIR ZADEH]] IN A&E WAS BRILLIANT",
    "MISS [[PATEL]] IS A FANTASTIC TEACHER",
    "NURSE [[RUBY]] AND NURSE [[JACK]] WERE VERY KIND",
]

# ---------------------------------------------------------------- EMAIL rows
EMAIL_SENTENCES = [
    "Please email me the leaflet at [[k.morrow1972@gmail.com]] as I lost the paper copy.",
    "You can reach me on [[dazzler_88@hotmail.co.uk]] if you need more detail about the complaint.",
    "I sent my evidence to [[sw.placements@northmoor.ac.uk]] twice and nobody replied.",
    "my email is [[bigmike.wolves@yahoo.co.uk]] if anyone wants to follow this up",
    "Contact me: [[j.oduya@nhs.net]] — I'm happy to talk about the rota issues in confidence.",
    "Results were sent to my old address, please use [[ellie.rhodes+clinic@outlook.com]] from now on.",
    "The school keeps emailing my ex instead of me, my address is [[mumof3.lucyb@icloud.com]]",
    "I'd be happy to join the patient panel, email [[tfarrow61@btinternet.com]].",
    "EMAIL ME AT [[GRANDADJOE1950@AOL.COM]] PLEASE AS I DONT DO TEXT MESSAGES",
    "Can the feedback team write to [[r.t.kaminski@live.co.uk]] with an answer?",
    "I emailed [[appointments.dermatology@nhs.net]] on Monday and still no reply by Friday.",
    "(my uni email is [[u2214785@students.westfield-uni.ac.uk]] if you need to check my enrolment)",
    "please reply to [[sam_the_carer@protonmail.com]] not my work address",
    "Happy to be contacted at [[priyanka.d.hall@gmail.com]] about joining the parent forum.",
    "The form rejected my address ([[o'reilly.fam@sky.com]]) because of the apostrophe, which is ridiculous.",
    "I wrote to [[estates-helpdesk@royalvale.nhs.uk]] about the broken lift and got an automated reply.",
    "send the minutes to [[chairperson.friends.of.ward6@gmail.com]] and we will share them with families",
    "My son's school account is [[19smithj@ashgrove-academy.org.uk]] and he can't log in to Sparx.",
    "Write to me at [[Tanya.Beaumont84@Hotmail.com]] if you want to discuss this.",
    "Complaint reference sent from [[dave.and.sue.w@virginmedia.com]] on 3rd March.",
    "I'm on [[h.bashir@doctors.org.uk]] if the ward manager wants to talk about the locum issues.",
    "Feedback for the course leader: please respond to [[nightowl.student22@gmail.com]].",
    "I forwarded my sick notes to [[hr.absence@lakesidecare.co.uk]] as asked.",
    "The wrong email was on my record. Correct one is [[wendy.ann.p@talktalk.net]].",
    "If the chaplain could email [[revd.m.osei@gmail.com]] we would be grateful.",
    "My carer's email is [[carer.support.gk@outlook.com]], please copy her in.",
    "Anything about the EHCP review should go to [[familyharrow@yahoo.com]].",
    "My new address for the portal is [[a_novak-2001@seznam.cz]], the old one no longer works.",
    "Ping me at [[ops.night.lead@stmarks-hospice.org]] if you want the shift data.",
    "please can someone from PALS email [[lostpatience2023@gmail.com]] i have been waiting weeks",
]

# ---------------------------------------------------------------- PHONE rows
PHONE_SENTENCES = [
    "Please call me back on [[07700 900123]] as I can't get through on the main line.",
    "my number is [[07700900456]] text me anytime",
    "You can reach me on [[+44 7700 900789]] during working hours.",
    "Call [[+447700900321]] and ask for the on-call carer.",
    "The clinic number on the letter, [[0113 496 0123]], just rings out.",
    "I rang [[(0113) 496 0456]] eleven times before anyone picked up.",
    "Ring me on [[0113-496-0789]] if the appointment changes again.",
    "Our home number is [[020 7946 0012]] but my mobile is better.",
    "Reach me on [[+44 20 7946 0345]] from abroad.",
    "Leave a message on [[+44 (0)20 7946 0678]] please.",
    "the number they gave me was [[0207 946 0999]] and it was out of order",
    "Please ring [[0161 496 0111]] to speak to my daughter who manages my care.",
    "My work line is [[0121 496 0222]], I'm there Mondays to Thursdays.",
    "Contact my husband on [[0131 496 0333]] if I'm not available.",
    "I gave my number ([[0141 496 0444]]) three times and nobody called.",
    "Text [[07700-900-654]] when the prescription is ready to collect.",
    "MY NUMBER IS [[07700 900 987]] PLEASE RING ME",
    "Best number for me is [[0117 496 0555]] after 6pm.",
    "Please update my record, the landline is now [[029 2018 0666]].",
    "Call me on [[028 9018 0777]] when the results are in.",
    "My mobile: [[07700 900246]].",
    "We've moved, new number is [[01632 960123]].",
    "Ring the family on [[0044 7700 900135]] if anything changes overnight.",
    "my mums number is [[07700 900 802]] shes deaf so text only pls",
    "I called the advice line on [[0808 157 0192]] and they were excellent.",
    "Could the tutor ring me on [[0114 496 0318]]? I don't check email often.",
    "Mobile [[+44 (0) 7700 900 417]] works best for me.",
    "The school office should ring [[0115 496 0274]], not my old work number.",
    "I'm on [[07700 900571]] or [[0118 496 0862]] most days.",
    "Dad's carer can be reached on [[0151 496 0730]] between 9 and 5.",
]

# ---------------------------------------------------------------- POSTCODE rows
POSTCODE_SENTENCES = [
    "The ambulance went to the wrong street, we are at [[LS6 3QB]] not the old address.",
    "i live in [[m14 6hr]] and the nearest clinic is two buses away",
    "Transport was booked from [[B15 2TT]] but the driver went somewhere else entirely.",
    "Our postcode is [[SE15 4QL]] and we still haven't had a home visit.",
    "Please update my address, it's now [[EH9 1SR]].",
    "The letter was sent to [[G12 8QQ]], which is where I lived three years ago.",
    "My mum's care agency only covers up to [[CF24 4HQ]] which leaves us stuck.",
    "Home visits don't come out as far as [[BT9 7BL]], apparently.",
    "We moved to [[NE2 4HH]] in the summer and the school transport never caught up.",
    "The pharmacy delivery for [[S10 2TN]] arrived two days late again.",
    "postcode [[ng72rd]] keeps being rejected by your online form",
    "Why does the sat nav postcode [[L8 7SS]] take you to the back of the hospital?",
    "I travel in from [[BS7 8EZ]] every day for placement, costing a fortune.",
    "My new address is in [[YO10 5DD]], please send the letters there.",
    "The taxi was booked to [[DE22 3NE]] but the driver went to the main entrance.",
    "Patient transport refused to collect from [[MK6 5LD]], said it was outside their area.",
    "Home address: [[DD2 1UB]].",
    "PLEASE SEND THE APPOINTMENT TO [[OX3 9DU]] NOT MY OLD HOUSE",
    "The district nurses said [[PL6 8DH]] isn't on their patch any more.",
    "I work near [[EC1V 2PD]] so an evening clinic would really help.",
    "Our student flat is at [[W1T 4JG]] and the GP there won't register me.",
    "The new postcode is [[sw9 8jh]], old one was wrong on the system.",
    "We are based in [[N16 7UX]], is there a closer hub for blood tests?",
    "Blue badge parking is impossible, I come from [[E17  4QR]] and there's never a space.",
    "Can the letters please go to [[CB2 0QQ]] from now on?",
    "my postcode is [[Ls7 1pa]]",
    "The school bus stops short of [[AB25 2ZN]] so my son walks the last mile.",
    "My carer lives at [[IV2 3UJ]] and can't get to the ward before 11.",
    "Return address for the equipment is [[KT2 7QB]].",
    "Parcel pickup point for the trial kit was listed as [[RG15AN]], which is the wrong town.",
]

# ---------------------------------------------------------------- NHS_NUMBER rows
NHS_SENTENCES = [
    "My NHS number is [[753 331 4786]] if you need to look up my records.",
    "nhs no [[9990723869]]",
    "Please check my record, NHS number [[999-848-7331]], the allergy is missing.",
    "The discharge letter quoted NHS number [[669 983 3979]] which isn't mine.",
    "For reference, my NHS number is [[707 1248109]].",
    "My son's NHS number ([[999 072 0037]]) was wrong on his school health form.",
    "NHS No: [[4167123436]].",
    "I gave them my NHS number, [[400 386 9966]], and they still couldn't find my referral.",
    "MY NHS NUMBER IS [[999 484 4733]]",
    "The pharmacy had the wrong NHS number on the label, mine is [[9990201188]].",
    "Please quote [[786 886 4680]] when you call back about my mum.",
    "nhs number is [[708-091-2423]] if that helps",
    "My NHS number [[999 276 8169]] appears twice on the system with two addresses.",
    "Referral was lost even though I gave my NHS number [[462 049 4283]] at every visit.",
    "NHS number: [[668 127 3890]] — please fix the date of my next appointment.",
    "The app shows NHS number [[737-969-6831]] but my GP has a different one.",
    "My daughter's NHS number is [[9996388530]].",
    "Use [[779 144 2043]] to find my record, my surname was changed after marriage.",
    "I was asked for my NHS number ([[966 178 5775]]) four times in one visit.",
    "Records for NHS no. [[668 6940941]] need updating, I have moved.",
    "my nhs number [[609 165 5493]] please call about my results",
    "Can you merge the records under [[422-560-7917]]? There are duplicates.",
    "Dad's NHS number is [[999 196 0104]] and his medication list is out of date.",
    "The letter had [[7774681388]] on it but that isn't my number.",
    "NHS NUMBER [[999-283-4544]] — STILL NO APPOINTMENT",
    "For the prescription query, NHS number [[434 854 5758]].",
    "They wrote my NHS number as [[138 798 1137]] on the blood form.",
    "NHS number for my mum: [[364 418 5530]].",
    "I'm writing about NHS number [[141 225 0390]], my late husband's records.",
    "my nhs no is [[8996141577]] thanks",
]

# ---------------------------------------------------------------- URL rows
URL_SENTENCES = [
    "There's a support group for parents at [[https://www.facebook.com/groups/ward7parentsupport]] which helped us a lot.",
    "Follow our fundraising at [[www.justgiving.com/fundraising/ward9-sky-dive-2026]] please!",
    "I posted about my experience on [[instagram.com/bakewell_mum_runs]] and got loads of replies.",
    "My blog about living with Crohn's is at [[https://crohnsandme.blogspot.com]] if the team want to read it.",
    "see [[twitter.com/NightShiftNurse_77]] for what it's really like on the wards",
    "The leaflet link [[http://www.royalvale.nhs.uk/patient-info/cataract.pdf]] is broken.",
    "I found better info on [[nhs.uk/conditions/shingles]] than from the clinic.",
    "Apply at [[gov.uk/apply-blue-badge]] they said, but the site kept timing out.",
    "Our petition to save the minor injuries unit: [[www.change.org/p/save-our-miu-2026]]",
    "My son made a video about his surgery: [[https://www.youtube.com/watch?v=dQ7xK2pLm9A]]",
    "The survey link [[https://forms.gle/Ab3xYz9QwErT5uVw7]] didn't work on my phone.",
    "Check my profile [[linkedin.com/in/sarah-okafor-rn-4b2a19]] for my placement history.",
    "I shared the poster on [[www.tiktok.com/@carer.life.diaries]] and it went a bit viral.",
    "Please look at [[https://padlet.com/y10science/revision-wall]], the kids made it themselves.",
    "The short link [[bit.ly/3xWardMap]] on the letter goes nowhere.",
    "We set up [[https://www.gofundme.com/f/help-us-bring-dad-home]] to pay for a wheelchair van.",
    "There's a discussion about the placement issues on [[reddit.com/r/nursing/comments/1abc2de/placement_hours]].",
    "MY DAUGHTERS PAGE IS [[WWW.FACEBOOK.COM/LITTLEWARRIORMAISIE]] PLEASE SHARE",
    "The timetable is meant to be at [[https://timetable.westfield-uni.ac.uk/cohort/2026/msc-public-health]] but it's blank.",
    "my youtube channel [[youtube.com/@chemo_and_chill]] documents the whole treatment",
    "I left a review at [[www.careopinion.org.uk/opinions/1198832]] too.",
    "The parent handbook link [[http://ashgrove-academy.org.uk/docs/handbook-2026.pdf]] is out of date.",
    "Full write-up on my site: [[https://www.marathonmumhealth.co.uk/blog/my-c-section-story]]",
    "Feedback form at [[tinyurl.com/wardsix-feedback]] is impossible to fill in on a phone.",
    "Our fundraising page [[justgiving.com/page/hospice-bake-off-2026]] raised over £2,000.",
    "See [[https://x.com/porterpaul_rvh]] for daily updates from the corridors, he's a local celebrity.",
    "I've written a review on [[https://g.page/r/CbX12hosp-pharmacy/review]].",
    "the mental health app they recommended is [[headspace.com/nhs]] which is fine",
    "Uni wellbeing page [[www.westfield-uni.ac.uk/wellbeing/book]] has no appointments for weeks.",
    "Whoever runs [[https://www.instagram.com/royalvale_maternity/]] does a brilliant job.",
]

# ---------------------------------------------------------------- NONE rows (no personal detail)
NONE_SENTENCES = [
    # --- drugs and treatments
    "I was prescribed Amoxicillin for a chest infection and nobody mentioned it could interact with my pill.",
    "Sertraline has helped but the waiting list for talking therapy is still nine months.",
    "Oramorph was given far too late, my father was in pain for hours.",
    "The pharmacy ran out of Creon twice this month, which is not acceptable for a cystic fibrosis patient.",
    "Please stop switching my Levothyroxine brand every time, it makes me feel awful.",
    "They gave me Co-codamol and Ibuprofen together with no advice about taking them with food.",
    "Metformin side effects were never explained, I found out from a leaflet.",
    "Why is Omeprazole still being prescribed long term without anyone reviewing it?",
    "Warfarin clinic moved to the Jenner Building and there were no signs at all.",
    "I had an allergic reaction to Flucloxacillin and it still isn't on my record.",
    "Morphine, Ondansetron and Paracetamol were all given on time, the pain team were excellent.",
    "Diazepam was offered before the MRI, which made a huge difference to my claustrophobia.",
    "Got told to take Gaviscon and Calpol for everything, felt fobbed off.",
    "The Salbutamol inhaler prescription took a week to be signed off.",
    "Methotrexate monitoring bloods are booked at the Churchill Building but results go to the wrong team.",
    "Insulin was given late on three mornings in a row on the ward.",
    "Melatonin for my son is only available privately now, which we can't afford.",
    "Adrenaline pens were out of stock at every pharmacy in town.",
    "The Mounjaro and Wegovy shortage has made the weight clinic pointless this year.",
    "Tramadol made me very confused and I wasn't warned.",
    # --- wards, buildings, hospitals, places
    "Nightingale Ward is spotless and the staff are friendly.",
    "The Lister Wing has no working toilets on the ground floor.",
    "Signage from the Churchill Building to the Rainbow Unit is confusing.",
    "Seacole Ward was understaffed every night I was there.",
    "Parking at the Royal Derby is a nightmare, we circled for forty minutes.",
    "St James's outpatient pharmacy queue was over an hour long.",
    "I had to travel to Milton Keynes for a scan because nothing was available locally.",
    "Ninewells has a lovely garden that patients can use, more hospitals should do this.",
    "The Cavell Suite maternity rooms are bright and clean.",
    "Getting from the Fleming Building to the Brunel Centre in a wheelchair is impossible when it rains.",
    "Queen Elizabeth Hospital discharge lounge has no hot food after 4pm.",
    "Addenbrooke's gave us a much clearer plan than our local hospital did.",
    "The Rainbow Unit play specialists are brilliant with anxious children.",
    "Alder Hey was amazing with our son, as always.",
    "Great Ormond Street referral took five months to come through.",
    "Princess Royal A&E needs more seats, people were sitting on the floor.",
    "The Sunflower Suite is a calm space for families who've had bad news.",
    "Rose Ward, Ivy Ward and Holly Ward all share one bathroom on the corridor, which isn't enough.",
    "The Victoria Wing lifts are out of order again.",
    "Southmead's new building is lovely but impossible to navigate.",
    "Robin Ward is the best children's ward I've been on.",
    "The Darwin Building lecture theatres are freezing in January.",
    "Lectures in the Turing Building clash with labs on the other campus.",
    "Morriston's minor injuries unit was quick and efficient.",
    "Leicester Royal Infirmary A&E was chaos on a Saturday night.",
    "The Freeman heart unit were fantastic from start to finish.",
    "Raigmore is a long way to travel for a ten minute appointment.",
    "The Mandela Building cafe is the only place open on campus after 5pm.",
    "Kings Mill and Queen's Medical Centre both sent me letters for the same appointment.",
    "The Attenborough Building lifts break down every other week.",
    # --- shops, cafes, products, software
    "Costa in the main entrance closes at 3pm, which is no use to night staff.",
    "The WH Smith is the only place to buy a sandwich after 6pm.",
    "Greggs on the ground floor is always out of vegan sausage rolls by ten.",
    "Teams meetings for handover don't work when the Wi-Fi drops every ten minutes.",
    "Moodle is a mess, half the module pages are empty.",
    "Turnitin flagged my references as plagiarism, which caused a lot of stress.",
    "Blackboard crashed the night before the deadline and there was no extension.",
    "Canvas notifications don't work on the app so I missed a class change.",
    "Marks & Spencer food hall in the atrium is too expensive for staff.",
    "Sainsbury's delivery slots are easier to get than an appointment here.",
    "McDonald's is the only hot food near A&E at night, which says it all.",
    "The Boots pharmacy on site never has my prescription ready on time.",
    "Zoom lectures are fine but the recordings never get uploaded.",
    "Outlook keeps putting emails from the school into junk.",
    "SystmOne and EMIS don't talk to each other so my GP never gets my results.",
    "Healthroster shows shifts that were cancelled weeks ago.",
    "Datix reports go into a black hole and we never hear back.",
    "Panopto recordings have no captions, which is a problem for deaf students.",
    "Google Classroom is much easier for parents than the old system.",
    "Class Dojo messages go unanswered for weeks.",
    "Sparx Maths homework takes my daughter three hours a night.",
    "Duolingo is being used instead of actual French lessons, it seems.",
    "The Pret in the concourse is lovely but you can't afford it on a student loan.",
    "Tesco Express across the road is where everyone goes for lunch because the canteen is shut.",
    "Starbucks cups everywhere in the corridors, more bins please.",
    # --- months, days, sentence-start capitals
    "Appointments in January were cancelled with no warning at all.",
    "Monday mornings are chaos on the phones at the surgery.",
    "Since September the after school clubs have all been cut.",
    "Visiting on Sundays should be extended, families work all week.",
    "Thursday evening clinics would help working parents a lot.",
    "Half term in February clashed with the placement block.",
    "Parking is the main issue, followed by the food.",
    "Food was cold, tasteless and arrived late every day.",
    "Communication between departments is poor.",
    "Staff were kind but clearly overstretched.",
    "Everything was explained clearly and I felt listened to.",
    "Nothing to add, all good.",
    "Waiting times in A&E were unacceptable.",
    "Discharge took all day because the pharmacy was backed up.",
    "Overall a positive experience, thank you to the whole team.",
    "Buses to the hospital stop at 7pm, which is useless for evening visiting.",
    "Signage is poor, I got lost three times.",
    "Lectures start at 9am and the trains don't get in until 9:10.",
    "Marking is inconsistent between seminar groups.",
    "Exams in May and June overlap with Ramadan and Eid and nobody seems to have considered this.",
    "Christmas Eve and Boxing Day rotas were published in mid December, far too late.",
    "The October half term residential was the highlight of my son's year.",
    "August changeover is always a bit chaotic on the wards.",
    "Easter holiday revision sessions were really useful.",
    # --- ordinary words that are also names
    "Will the results come by post or do I need to ring?",
    "Hope to be seen sooner next time, six hours is too long.",
    "There should be a grace period for parking when appointments overrun.",
    "Mark my words, someone is going to get hurt on that staircase.",
    "The play worker was a ray of sunshine on a miserable day.",
    "I have lost all faith in the system after how my complaint was handled.",
    "The bill for parking came to £18 for one afternoon visit.",
    "Pat on the back for the cleaning team, the ward is spotless.",
    "Summer holiday childcare makes placements impossible for parents.",
    "An amber weather warning shouldn't mean the whole clinic closes.",
    "Ruby wedding anniversary spent in hospital, but the staff made it special with a card.",
    "They had to jack the bed up because the controls were broken.",
    "We had a frank conversation about the prognosis, which I appreciated.",
    "It was a joy to be treated with such respect.",
    "Up at the crack of dawn for a 7am slot that ran two hours late.",
    "The holly and ivy decorations in the waiting room were a nice touch.",
    "The rose garden outside the chapel is a peaceful place to sit.",
    "My mum's arm was a violet bruise after three failed cannulas.",
    "Not a penny of the parking money seems to go back into the hospital.",
    "Poppy appeal stand in the foyer was a nice touch in November.",
    "May I suggest a water fountain in the waiting area?",
    "The max dose was reached by lunchtime and I was left in pain until evening.",
    "The phlebotomist drew blood on the first try, which has never happened before.",
    "I'm not going to sue, I just want an apology.",
    "Staff have to don and doff PPE in a tiny corridor.",
    "I had to chase up my referral four times.",
    "A robin kept tapping on the window of the day room, which the patients loved.",
    "Rich tea biscuits and a cuppa after the blood donation, lovely.",
    "The bell on the bay doesn't work so nobody comes.",
    "Young people's mental health services need far more funding.",
    "Long waits for physio mean people get worse before they're seen.",
    "There's moss all over the path to the outpatient entrance, it's lethal in the rain.",
    "A fox was going through the bins by the staff car park at night.",
    "Frost on the car park ramp and no grit, I nearly fell.",
    "Snow days mean no cover and the ward goes short.",
    "Day case surgery was slick and well organised.",
    "Crystal clear instructions before my operation, thank you.",
    "Patience is wearing thin after the third cancellation.",
    "The autumn term has been overwhelming with coursework.",
    "Ginger biscuits for the morning sickness were a kind thought.",
    "Sunny day, broken air con, a ward full of hot, miserable patients.",
    "Will power alone won't fix the staffing gaps.",
    "The mark scheme wasn't released until after the deadline.",
    "Faith groups are welcome to use the quiet room, which is lovely.",
    "The carol service in the chapel was a lovely thing for patients.",
    "The nurse had to lance the abscess in the corridor because no room was free.",
    "Just in the nick of time, the ambulance arrived.",
    "Rusty wheelchairs at the entrance with flat tyres.",
    "We were left on a cliff edge, not knowing if the course would run.",
    "Gene therapy trial information was very clear.",
    "It's become the norm to wait all day for discharge medication.",
    "Visiting on Christmas Eve was handled well.",
    "We had to wade through pages of forms before the assessment.",
    "The kit bag for new mums was really useful.",
    "Miles from the car park to the clinic on crutches.",
    "Heather and gorse on the hills behind the hospice are lovely from the day room.",
    "Can the sandy floor by the entrance be swept? Patients are slipping.",
    "It's a mark of a good ward that staff stay so long.",
    # --- lower case
    "will i need to bring my own towels or are they provided",
    "hope the new car park actually opens this year",
    "the grace period on the parking fine is too short",
    "canteen food was cold again",
    "greggs closes too early for night staff",
    "teams keeps crashing during online lectures",
    "nightingale ward was very clean",
    "took amoxicillin for a week and felt worse",
    "best hospital ive ever been to, royal derby staff are amazing",
    "joy to deal with the new booking system, so much easier",
    "faith in the nhs restored after this visit",
    "parking bill was extortionate",
    "may i ask why the clinic letters still come by post",
    "moodle down again on deadline day",
    # --- ALL CAPS
    "PARKING IS A DISGRACE",
    "WILL SOMEONE PLEASE FIX THE HEATING ON LISTER WING",
    "THE FOOD ON NIGHTINGALE WARD IS INEDIBLE",
    "WAITED 6 HOURS IN A&E ON A MONDAY NIGHT",
    "HOPE THINGS IMPROVE BEFORE MY NEXT VISIT",
    "NO SERTRALINE IN STOCK FOR THE THIRD WEEK RUNNING",
    "COSTA SHOULD STAY OPEN FOR NIGHT STAFF",
    "TURNITIN AND BLACKBOARD BOTH DOWN THE NIGHT BEFORE THE DEADLINE",
    "GRACE PERIOD FOR PARKING NEEDS TO BE LONGER",
    "EXCELLENT CARE AT ST JAMES'S THANK YOU ALL",
    "MARK MY WORDS THIS WILL BE IN THE PAPERS",
    "FRANK ANSWERS WOULD HAVE BEEN APPRECIATED",
]

DRAMA_PREFIXES = (  # Ofcom numbers reserved for TV and radio drama, national form
    "07700900",
    "01134960",
    "01144960",
    "01154960",
    "01174960",
    "01184960",
    "01214960",
    "01314960",
    "01414960",
    "01514960",
    "01614960",
    "02079460",
    "02920180",
    "02890180",
    "02890181",
    "01632960",
    "08081570",
)


def nhs_ok(number: str) -> bool:
    """The NHS mod-11 check: weights 10..2 on the first nine digits."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) != 10:
        return False
    check = 11 - sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    if check == 11:
        check = 0
    return check != 10 and check == digits[9]


def drama_phone(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    if digits.startswith("00"):
        digits = digits[2:]
    if digits.startswith("44"):
        digits = "0" + digits[2:].removeprefix("0")
    return len(digits) == 11 and digits.startswith(DRAMA_PREFIXES)


def marked(sentences: list[str], kind: str) -> list[tuple[str, str, str]]:
    rows = []
    for sentence in sentences:
        values = list(dict.fromkeys(MARK.findall(sentence)))
        if kind == "NONE":
            assert not values, sentence
        else:
            assert values, sentence
        rows.append((MARK.sub(r"\1", sentence), kind, " | ".join(values)))
    return rows


def build() -> list[tuple[str, str, str]]:
    rows = (
        marked(NAME_SENTENCES + NAME_LOWER + NAME_UPPER, "NAME")
        + marked(EMAIL_SENTENCES, "EMAIL")
        + marked(PHONE_SENTENCES, "PHONE")
        + marked(POSTCODE_SENTENCES, "POSTCODE")
        + marked(NHS_SENTENCES, "NHS_NUMBER")
        + marked(URL_SENTENCES, "URL")
        + marked(NONE_SENTENCES, "NONE")
    )
    validate(rows)
    RNG.shuffle(rows)
    return rows


def validate(rows: list[tuple[str, str, str]]) -> None:
    texts = [text for text, _, _ in rows]
    dupes = {t for t in texts if texts.count(t) > 1}
    assert not dupes, dupes
    assert all("[[" not in t and "]]" not in t for t in texts)
    minimum = {
        "NAME": 240,
        "EMAIL": 25,
        "PHONE": 25,
        "POSTCODE": 25,
        "NHS_NUMBER": 25,
        "URL": 25,
        "NONE": 150,
    }
    for kind, least in minimum.items():
        n = sum(k == kind for _, k, _ in rows)
        assert n >= least, (kind, n)
    for text, kind, values in rows:
        for value in filter(None, values.split(" | ")):
            assert value in text, (value, text)
            assert value == value.strip(), value
            if kind == "NHS_NUMBER":
                assert nhs_ok(value), value
            if kind == "PHONE":
                assert drama_phone(value), value
            if kind == "NAME":
                assert not re.match(r"(?i)(dr|mr|mrs|ms|miss|prof|nurse|sister)\b", value), value


def main() -> None:
    rows = build()
    with OUT.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["text", "kind", "values"])
        writer.writerows(rows)
    counts: dict[str, int] = {}
    for _, kind, _ in rows:
        counts[kind] = counts.get(kind, 0) + 1
    names = [t for t, k, _ in rows if k == "NAME"]
    lower = sum(t == t.lower() for t in names)
    upper = sum(t == t.upper() for t in names)
    print(f"wrote {len(rows)} rows to {OUT}: {counts}")
    print(
        f"NAME rows all lower case: {lower} ({lower / len(names):.0%}), "
        f"ALL CAPS: {upper} ({upper / len(names):.0%})"
    )


if __name__ == "__main__":
    main()

# ruff: noqa: E501  (hand-written sentences, one per line)
# Synthetic held-out privacy benchmark for the comment redaction tool.
# Every sentence below was hand-written WITHOUT reference to the redaction rules in src/.
# All names, contacts, postcodes and NHS numbers are invented (phones use Ofcom drama ranges).
"""Writes bench/privacy_heldout.csv (columns: text, kind, values).

NAME sentences mark each name with [[...]]; the brackets are stripped and the
marked spans become the row's values. Titles and roles (Dr, Nurse, Mr, physio ...)
are kept outside the brackets, so values hold only the name itself.
"""
from __future__ import annotations

import csv
import random
import re
from pathlib import Path

RNG = random.Random(20261202)
OUT = Path(__file__).with_name("privacy_heldout.csv")

# ---------------------------------------------------------------- NAME rows
NAME_SENTENCES = [
    # --- British / Irish
    "[[Siobhan]] on the front desk was lovely, calmed my mum right down.",
    "Nurse [[McAllister]] went above and beyond on the night shift, please pass on my thanks",
    "thanks to [[Niamh O'Sullivan]] for explaining the scan results in plain english",
    "Mr [[Harrington-Clarke]] rushed the consultation and didn't look up from his screen once.",
    "My name is [[Gareth Pritchard]] and I waited four hours in A&E with a broken wrist, then another two for an X-ray. When I finally got seen the doctor was lovely but clearly exhausted. Something has to change with staffing at weekends.",
    "Dr. [[MacLeod]]'s clinic always runs late but she never makes you feel rushed.",
    "Could [[Aoife]] be told how much she helped my daughter settle in year 7?",
    "sister [[doherty]] runs a tight ship on ward 4, best ward ive been on",
    "Mrs [[Ashworth-Blake]] in maths sets far too much homework over half term",
    "[[Eilidh]] and [[Fraser]] on the HCA team were brilliant with my dad who has dementia",
    "I'm [[Moira Kavanagh]], a staff nurse, and our rota is published far too late every month.",
    "prof [[fitzgerald]]s lectures are recorded but the audio is unusable half the time",
    "Our son's teacher Mr [[Tomlinson]] has been amazing this year, really brought him out of his shell.",
    "Would like to thank [[Ciarán]] the porter who chatted to me all the way down to theatre.",
    "[[Dervla]]'s handover notes are always so thorough, makes nights much easier.",
    "Consultant [[Rhys Davies]] took time to draw diagrams for us. Really appreciated that.",
    "[[Ffion]], [[Gemma]] and [[Liam]] on the day unit deserve a medal honestly",
    "midwife [[kerry-ann o'neill]] delivered our baby and stayed calm the whole time",
    "Matron [[Hughes]] came round personally to apologise, which we appreciated.",
    "my mums carer [[Sarah]] is the only one who turns up on time",
    "[[Chloe Bennett]] in year 10 science is the reason I want to do medicine",
    "Miss [[Fairbairn]] ran the after-school revision club all term for free, she deserves recognition",
    "Was seen by a Dr [[Jamie Ross]] who didn't introduce himself properly, had to ask his name.",
    "I'm [[Dan]] from the estates team and we never get told when wards are being moved.",
    "Ms [[McGregor-Lamont]] marked my essay down for referencing but nobody ever taught us how to reference.",
    "Mr [[O'Brien]] explained the operation clearly and drew it out for me. 10/10",
    "dr [[evans]] and dr [[llewellyn]] gave totally different advice on the same day, very confusing",
    "Please thank [[Karen]] and [[Mandy]] on Ward 7, they made a horrible week bearable.",
    "As head of year I want to flag that Mrs [[Oakley-Penrose]] has covered three classes a day since September with no extra time, no thanks and no TLR. She is the reason year 8 are still on track and she is close to burning out. Please, somebody in SLT notice.",
    "[[Callum MacKinnon]] from occupational health finally sorted out my phased return to work",
    "Mr [[Kilbride]] the deputy head never follows up on bullying reports. My daughter has given up telling anyone.",
    "the staff nurse, [[Niall]] i think, was fab with my little boy",
    "Dr [[Fenwick-Hart]] dismissed my pain as anxiety on three separate visits. It turned out to be my gallbladder and I ended up in emergency surgery at 2am. I don't want anyone disciplined, I just want doctors to listen to women when we say something is wrong.",
    "I'd like to nominate [[Gwen Pritchard-Lloyd]] for the staff award, she trained half the ward.",
    "Our placement supervisor [[Declan]] gave us real responsibility which I loved",
    "my name is [[paul mccartney-hughes]], yes really, and the parking at this hospital is a joke",
    "[[Catriona]] is a brilliant tutor but her seminars clash with our placement days",
    "THANK YOU TO [[SEAN MURPHY]] IN THE PLASTER ROOM",
    "The teacher, Mrs [[Rowbotham]], phoned home to tell us good news for once, made my son's week",
    "[[Jamie]], [[Sophie]] and [[Kieran]] made my week on placement feel like I was part of the team",
    "Was looked after by [[Bridget]] and [[Mairead]], both were kind and funny and made the time pass",
    "i'm [[nicola]], a parent governor, and the new behaviour policy has not been explained to families at all",
    "Dr [[Hargreaves]] & Dr [[Ó Súilleabháin]] were both excellent on the stroke unit",
    "Our lecturer Dr [[Alasdair Munro]] posts the slides before every session, which should be standard for everyone",
    # --- English-word first names
    "[[Hope]] on reception remembered my name from last time. Small thing but it matters.",
    "[[Grace]] was fantastic with my nan, so patient with her questions.",
    "[[Joy]] and [[Precious]] from the night team were so kind to my mum",
    "[[Dawn]] the receptionist is always cheerful even when the waiting room is packed",
    "the nurse called [[rose]] explained everything twice because i was nervous",
    "HCA [[Patience]] deserves recognition, she treats every patient like family.",
    "[[Mark]] from IT came to the ward three times and the printer still doesn't work, not his fault",
    "[[Amber]] from learning support helped me get extra time in my exams.",
    "[[Summer]], the student nurse, was a credit to her university",
    "Is [[Will]] still running the Friday drop-in? it was really useful",
    "[[Mark]]'s lectures are the only ones I actually turn up for",
    "Sister [[Rose Kelly]] ran the ward like clockwork, my husband was in safe hands",
    "[[Hope Adeyemi]] on ward 12 is an absolute star.",
    "Dr [[Faith Moyo]] was the first doctor to take my endometriosis seriously",
    "[[Precious]] was my midwife for both my babies and I asked for her specifically the second time",
    "[[Dawn Fletcher]] in the community team visits my dad twice a week and he adores her",
    "Please pass on thanks to [[Grace]], [[Joy]] and [[Bill]] in the day surgery unit",
    "Mrs [[Summers]] is the best science teacher in the school, my son actually looks forward to chemistry now",
    "i want to thank [[patience]] and [[sunny]] on the dialysis unit, always smiling",
    "Teaching assistant [[Jade]] is the only adult my son trusts at school",
    # --- South Asian
    "Dr [[Patel]] is the only GP who actually listens.",
    "Thank you to [[Priya Sharma]] for helping me fill in the PIP forms.",
    "[[Rajesh]] in radiology talked me through the MRI so I wasn't scared",
    "dr [[venkatesh iyer]] is the best consultant in the dept, wish they were all like him",
    "My name is [[Gurpreet Kaur]], I am a band 5 nurse and the staff room has no working fridge.",
    "Mr [[Singh]]'s chemistry lessons are chaotic but fun",
    "[[Anjali]], [[Deepak]] and [[Sunita]] in the pharmacy team were all so helpful",
    "Ms [[Nair]] the SENCO really fought for my son's EHCP",
    "Dr [[Imran Qureshi]] explained my diabetes better than anyone has in 10 years",
    "I'm [[Bilal]], second year pharmacy, and the labs are always overbooked.",
    "[[Zainab Chaudhry]] ran the best revision sessions, please keep her on next year",
    "Dr. [[Mahmood]] didn't examine me, just gave me antibiotics and sent me home",
    "[[Nusrat Rahman]] from the community team visits mum and is wonderful.",
    "my key worker [[shahidul]] never calls back",
    "Mrs [[Begum]] the teaching assistant is amazing with the EAL kids",
    "Thanks to [[Rafiq Uddin]] for translating for my grandmother when the interpreter never showed up.",
    "[[Tahmina]]'s feedback on my placement portfolio was so detailed and kind",
    "Dr [[Perera]] took the time to call me at home with the biopsy result.",
    "Sister [[Dilani Jayasuriya]] runs the best ward in the trust, ask any of us. She knows every patient by name, she's on the floor doing obs when we're short, and she still finds time to teach the students. If you want to know why ward 6 has no vacancies, that's why",
    "Mr [[Wickramasinghe]] operated on my knee and I'm back playing football",
    "i was seen by dr [[chatterjee]] who was lovely and didnt make me feel silly",
    "[[Arjun]] and [[Meera]] in year 13 should run the school council, they actually get things done",
    "Dr [[Kapoor]] and Dr [[Banerjee]] both said surgery isn't needed. Second opinion appreciated",
    "[[Mohammed Iqbal]] the healthcare assistant found my glasses after they went missing in the move",
    "Could Dr [[Ravi Menon]] please be told his bedside manner really helped my wife?",
    "[[Sanjay]]'s a great manager but he's stretched across three wards",
    "[[Farhana Akhtar]] in the safeguarding team was the only one who took us seriously",
    "ward sister [[rukhsana]] is strict but fair and the ward is spotless",
    "Mr [[Vikram Reddy]] cancelled my surgery three times. I understand pressures but this is not ok.",
    "Mrs [[Ghosh]] makes history come alive, my daughter now wants to study it at uni",
    "The SHO, Dr [[Kiran Bhatt]], was on her own covering 4 wards overnight, that's not safe",
    "[[Tanvir Hossain]] the pharmacist rang me to check I understood the new inhaler",
    "[[Shreya]] and [[Pooja]] were the best student nurses we've had on the unit this year",
    "Mr [[Bhattacharya]] told my son he would never amount to anything. Completely unacceptable.",
    "Dr [[Malik]]'s registrar was lovely but Dr [[Malik]] himself was very abrupt",
    "Many thanks to dr [[s. raghunathan]] and his team",
    "[[Aarav]] in my tutor group has been bullied for weeks and nothing has been done",
    "Our GP, Dr [[Siddiqui]], rang on a Saturday to check on my mum. Above and beyond.",
    "[[Parveen]] at the front desk speaks Urdu and Punjabi which made such a difference to my parents",
    # --- West / East African
    "[[Chidi]] on the night shift kept checking on me every hour even though he was rushed off his feet",
    "Dr [[Okonkwo]] was thorough and kind, best A&E doctor I've ever had",
    "My name is [[Ngozi Adeyemi]] and I've been waiting 14 months for a hip replacement",
    "[[Emeka]] and [[Tunde]] from portering are always cheerful, a real lift on a bad day",
    "[[Oluwaseun]] explained the consent form line by line, thank you",
    "[[Funmilayo]]'s maths intervention group has made a real difference to my son's confidence",
    "[[Kwame Mensah]], our charge nurse, is the best manager I've had in 20 years of nursing",
    "[[kofi]] on reception was brilliant",
    "Thank you to [[Akosua Boateng]] for fighting to get my mum a side room at the end.",
    "Mrs [[Asante]] teaches my daughter French and is fantastic",
    "The midwife [[Abena]] noticed my blood pressure was high when no one else did",
    "[[Abdirahman]] helped my father with the Somali translation and was so patient",
    "I'm [[Hodan Warsame]], a HCA on ward 9, and we are always short staffed at weekends",
    "Dr [[Farah]] listened, examined me properly and referred me the same day",
    "[[Ayaan]] and [[Abdi]] in year 9 have been fantastic peer mentors this term",
    "[[Wanjiru]] the occupational therapist set up all the equipment at home before discharge",
    "Mr [[Otieno]] is the best lecturer on the course, explains pharmacology so clearly",
    "[[Achieng]] and [[Njeri]] made the maternity ward feel like home",
    "[[TENDAI MOYO]] IS A FANTASTIC NURSE. GIVE HER A PAY RISE",
    "my daughters teacher miss [[chipo]] is wonderful, she really gets her",
    "[[Tatenda]] on the stroke unit was kind and funny with my grandad",
    "Mr [[Ncube]] the head of science is approachable and actually reads our emails",
    "Support worker [[Rutendo]] has been the one constant in my brother's care",
    "[[Nkechi]]'s training session on sepsis was the best CPD I've done",
    "Dr [[Obi]] called me back personally after my complaint, appreciated",
    "Shout out to [[Yaw Owusu]] in the theatres team who kept me laughing before my op",
    "Sister [[Osei]] needs to be listened to about the staffing on nights, she's right",
    "[[Chiamaka]] and [[Olumide]] on the acute medical unit were superb",
    "ward manager [[ifeoma nwosu]] has turned that ward around in a year",
    "Dr. [[Oyelaran]] is excellent but impossible to get an appointment with",
    # --- Caribbean
    "[[Delroy]] the porter has worked here 30 years and knows everyone, a real gem",
    "[[Marcia Campbell]] in the renal unit deserves a long service award, she's been there forever",
    "My name is [[Winston]] and I've been coming to this clinic for ten years, it has got worse every year",
    "Mrs [[Brathwaite]] runs the school library brilliantly on next to no budget",
    "[[Errol]] and [[Claudette]] in the chaplaincy team sat with my mum when I couldn't get there",
    "[[Beverley]] the HCA was so gentle with my nan's skin",
    "[[Jermaine]] taught us more in one PE lesson than we learned all year",
    "[[shanice]] in the baby unit was so kind to us at 3am",
    "Mr [[Clarke]] is a strict teacher but you learn a lot",
    "[[Paulette]] on reception went out of her way to find me a wheelchair",
    "[[TYRONE]] IN THE GYM TEAM GOT ME BACK ON MY FEET AFTER COVID",
    "Practice nurse [[Natasha Gordon]] does the best smear tests, honestly it didn't hurt at all",
    "[[Lorraine]] and [[Clive]] on the night shift were brilliant with the confused patients",
    # --- Eastern European
    "[[Agnieszka]] on the ICU was so careful explaining all the machines to us",
    "Nurse [[Katarzyna Nowak]] was always smiling no matter how busy",
    "[[Piotr Wiśniewski]] from the physio team was really encouraging",
    "[[Łukasz]] fixed the hoist on a Sunday, absolute hero",
    "Dr [[Kowalski]] was dismissive and didn't read my notes before the appointment",
    "[[Zofia]] in year 11 has been an amazing prefect and helped the new Polish pupils settle in",
    "[[Małgorzata]]'s English lessons for the new staff have been really useful",
    "[[gosia]] the cleaner always asks how i am, she's lovely",
    "Dr [[Ionuț Popescu]] is kind, knowledgeable and takes his time",
    "[[Andreea]] and [[Mihai]] were the best nurses on the surgical ward",
    "My GP Dr [[Ionescu]] has been fantastic through my cancer treatment",
    "I'm [[Elena Dumitru]], an overseas nurse who joined in the spring, and the induction was rushed and confusing. Nobody explained the e-rostering, I was put on nights in my second week, and I only heard about the preceptorship programme from another nurse in the lift. Please do better for the next group.",
    "[[Tomas Kazlauskas]] the paramedic was calm and reassuring when I was terrified",
    "[[Rūta]]'s care of my father was exceptional right to the end",
    "[[JONAS PETRAUSKAS]] DID A GREAT JOB ON THE ANTENATAL CLASSES",
    "[[Eglė]] and [[Aistė]] on the postnatal ward were both super helpful with breastfeeding",
    "Mr [[Marek Zieliński]] is an excellent head of maths, very organised",
    "the radiographer [[bogdan]] was a bit rough but quick",
    "Dr [[Magdalena Lewandowska]] made me feel heard for the first time in years",
    "Our form tutor Mr [[Krzysztof Wójcik]] is kind and fair, the whole class likes him",
    "Student nurse [[Cristina Radu]] is going to be brilliant when she qualifies",
    "Miss [[Lewicka]] never gives feedback on our mocks in time to use it",
    # --- Chinese / Vietnamese / Filipino
    "[[Wei]] in the pharmacy team took time to explain all my new meds",
    "Dr [[Zhang]] was brilliant but clearly overworked",
    "[[Li Mei]] the midwife made our birth plan happen, thank you so much",
    "[[Xiaoming]] the PhD student who runs our lab sessions is so patient",
    "Nurse [[Chen Jing]] was polite but didn't seem to know my care plan",
    "[[ming]] in the ct department was really calming",
    "[[Nguyen Thi Lan]] on the cardiac ward was amazing with my grandmother",
    "[[Linh]] and [[Tuan]] on the evening shift always make time for a chat",
    "Dr [[Tran]] explained the diagnosis carefully and gave me leaflets to take home",
    "[[Maricel]] is the kindest nurse on the ward, my mum asks for her every day. when mum was scared at night she sat with her and held her hand even though she had 8 other patients. we will never forget it",
    "Nurse [[Rowena Santos]] was outstanding when my dad deteriorated",
    "[[Jhun]] from theatres made sure I was warm enough before the anaesthetic",
    "Nurse [[Dela Cruz]] kept everyone calm during the fire alarm",
    "THANK YOU [[MARITES]] FOR LOOKING AFTER MY HUSBAND SO WELL",
    "Sister [[Reyes]] has high standards and the ward shows it",
    "[[Lorna Bautista]]'s dementia training should be compulsory for all staff",
    "[[Arnel]] helped my dad to the toilet every time without being asked",
    "Mr [[Cheng]]'s computing club is the best thing about this school",
    "Dr [[Liu]] was the first to spot my thyroid problem",
    "[[Yan]] from the research team followed up with me every month, really appreciated",
    "[[thanh]] at the front desk speaks vietnamese which really helped my parents",
    "My name is [[Jasmine Tan]] and I'm a final year medic, the rota system is a nightmare",
    # --- Middle Eastern
    "[[Youssef]] was the most helpful nurse I met during my stay",
    "[[Layla]] in the student hub sorted my timetable problem in five minutes",
    "Dr [[Omar Haddad]] explained all the options and let us decide as a family",
    "[[Fatima]] on the children's ward made my son laugh through all his blood tests",
    "I'm [[Reza Ahmadi]], a junior doctor, and the rota gaps are dangerous",
    "Thanks to [[Khalid]] from IT for fixing the ward computers so quickly",
    "[[Maryam]] and [[Dalia]] in the eye clinic were so patient with my mum",
    "Mr [[Al-Masri]] the surgeon took time to explain everything",
    "[[tariq]] is a great tutor but his marking is very slow",
    "Miss [[Yasmin Farouk]] is the most supportive teacher in the department",
    "[[Hamid]] in security was really kind to my dad when he got lost",
    "Dr [[Karimi]] was very abrupt, I left feeling stupid",
    "Our maths teacher Mr [[Samir Nassar]] explains things three different ways until everyone gets it",
    "[[LEILA HOSSEINI]] IS A BRILLIANT PHYSIO",
    "[[Ahmed]] on the switchboard was very patient when I called in a panic",
    "The registrar, Dr [[Zahra Mansour]], spotted the clot that everyone else missed",
    # --- Spanish / Portuguese / Italian
    "[[Javier]] the anaesthetist put me at ease straight away",
    "Nurse [[Lucía Fernández]] was wonderful to my father",
    "[[João Pereira]] the OT sorted all the equipment at home for mum",
    "[[Giulia Rossi]] made the Italian GCSE class so much fun",
    "Dr [[Marco Bianchi]] was abrupt but very knowledgeable",
    "[[alessandro]] on the ward was always smiling",
    "[[Inês]] and [[Beatriz]] were the best midwives, thank you both",
    "Dr [[Rodrigues]] answered all my questions without rushing me",
    "[[Francesca]] helped me with my UCAS statement over three lunchtimes",
    "Nurse [[Ferreira]]'s explanations about my wound were really clear",
    "Ms [[Sofia Romano]] has turned our son's attitude to school around",
    "Mr [[García]] is a great Spanish teacher but the lessons move too fast",
    "[[Matteo]] on nights was brilliant with my confused grandad",
    "My name is [[Diego Álvarez]], I'm a physio and our gym equipment is falling apart",
    "Dr [[Conceição]] took my concerns seriously when nobody else did",
    # --- mixed lists and mixed origins
    "Huge thanks to [[Tom]], [[Priya]] and [[Chidi]] for getting me through my first week on the ward. I was a nervous newly qualified nurse who had never done a drug round alone and they checked in on me every shift without ever making me feel stupid",
    "[[Kasia]], [[Olu]] and [[Niamh]] on ward 3 are worth their weight in gold",
    "dr [[ahmed]] and nurse [[o'connor]] were excellent, could not fault them",
    "Sister [[MacDonald]] and HCA [[Nguyen]] worked so well together, best team I've seen",
    "Our personal tutor Dr [[Ferguson]] hasn't replied to a single email since October",
    "The team: [[Agata]], [[Kwabena]], [[Sinead]] and [[Raj]]. All superb.",
    "GREAT SERVICE FROM DR [[BHATIA]] AND ALL THE NURSES",
    "[[Ikechukwu]] and [[Siobhán]] from the outreach team saved my husband's life",
    "Teachers like Mrs [[Okafor]] and Mr [[Doyle]] are why my son now loves school",
    "Consultant Ms [[Yusuf]] was honest with us about the prognosis, which we needed",
    "receptionist [[bernadette]] and dr [[oduya]] sorted everything for us",
    "i'm [[connor]] in year 12 and mr [[adeleke]] is the reason i passed maths",
    "Both midwives, [[Roisin]] and [[Aaliyah]], were incredible during a very long labour",
    "I want to thank dr [[Mehta]], nurse [[Amara]] and everyone in resus that night",
    "Mr [[Papadopoulos]] and Ms [[Kaya]] both gave me a second chance after I failed my first year",
    "Consultant [[O'Donoghue]] and Sister [[Mbeki]] explained the palliative options with real compassion",
    "we were looked after by [[shauna]] and [[imani]] on the neonatal unit, both amazing",
    "[[Hassan]] from the chaplaincy and [[Brenda]] from PALS were the only ones who helped",
    "[[Sam]]'s teaching assistant, Mrs [[Kerrigan]], is the reason he gets through the day",
]

# ------------------------------------------------------ other kinds (values inline)
EMAIL_SENTENCES = [
    "Please contact me at [[sarah.o'connor@gmail.com]] if you want more detail.",
    "my email is [[j.patel+survey@outlook.com]] happy to be contacted",
    "Letters were sent to the wrong address, they should have gone to [[mike-harris@btinternet.com]]",
    "You can reach me on [[k.nowak@student.manchester.ac.uk]] about the placement issues",
    "CONTACT ME ON [[DAVE_1974@HOTMAIL.CO.UK]] IF ANYONE ACTUALLY READS THESE",
    "happy to discuss further - [[chidi.okafor2@nhs.net]]",
    "Would like a reply from the course leader please, [[amina.h@yahoo.co.uk]]",
    "Two emails for you: [[a.wright@stpeters.school.org.uk]] for work and [[andy.w82@gmail.com]] for personal stuff",
    "I'm on [[o'reilly.m@icloud.com]], I'd like to hear the outcome of my complaint.",
    "my daughter's email is [[ellie-may.t@live.co.uk]] she would like a call back about her appointment",
    "Please send the leaflet in Polish to [[gosia.k+nhs@wp.pl]]",
    "I emailed [[rbh.dermatologyreferrals@nhs.net]] twice in February and once in March and never got a reply. When I phoned they told me the inbox isn't monitored. Why put it on the letter then?",
    "If you want to follow up my email is [[t.mensah-bonsu@kingscollege.ac.uk]].",
    "cc my husband [[raj_and_meena.singh@sky.com]] on any letters please",
    "Email address changed, new one is [[siobhan.ni-bhriain@outlook.ie]]",
    "please reply to [[nurse.jo.b@nhs.net]] not my old trust account",
    "you can email me at [[freddie+school@me.com]]",
    "I am a governor and happy to talk, [[governor.ahmed@oakfield-academy.org.uk]]",
    "The discharge summary went to [[dr.l.chan@gp.nhs.uk]] instead of my GP surgery",
    "My son's email for school is [[30smithj@students.northfield.sch.uk]] but he never checks it",
    "feel free to get in touch [[ana-maria.popescu@yahoo.com]]",
    "[[Mo.Abdullahi@mft.nhs.uk]] - please forward this to the ward manager",
    "Tried to email [[feedback.ward6@uhb.nhs.uk]] but it bounced back",
    "contact me via [[liam_o'hara99@hotmail.com]] or through the ward",
    "Email me the minutes please: [[p.w.kowalczyk@ed.ac.uk]]. Thanks in advance",
]

PHONE_SENTENCES = [
    "Call me on [[07700 900123]] any time after 3pm",
    "My mobile is [[+44 7700 900456]], please ring rather than write.",
    "The clinic number on the letter ([[(020) 7946 0312]]) just rings out",
    "ring me on [[0161 496 0789]] if you need more info",
    "I left my number, [[0113-496-0555]], and nobody called back",
    "PLEASE CALL [[07700-900-218]] ABOUT MY MUMS CARE PACKAGE",
    "You can get me at work on [[+44 (0)121 496 0234]] between 9 and 5.",
    "happy to be contacted on [[07700900876]]",
    "The number I was given, [[02079460999]], doesn't exist. Very frustrating.",
    "My daughter's number is [[07700 900 641]] and mine is [[0117 496 0402]]",
    "Text me on [[+447700900333]] when the results are back please",
    "Home phone [[0131 496 0871]], I don't have a mobile",
    "ive rung [[0141 496 0020]] about 20 times and never got through",
    "For the follow up please use [[(0151) 496 0917]] rather than my mobile",
    "mob [[07700 900 099]] - best after 6",
    "I'm a staff nurse, my direct line is [[0191 498 0123]] if PALS want to talk",
    "Please update my number to [[07700 900 712]], the old one is wrong on your system and I have missed two appointment reminders because of it. I told reception in January and again in April and it still has not been changed",
    "my husbands number is [[+44 7700 900 587]] he is next of kin",
    "Call back on [[029 2018 0456]] please, I am housebound",
    "The school office gave out my number ([[01632 960 214]]) to another parent, not happy",
    "Reach me on [[0114-496-0377]] or leave a message",
    "best contact number for me is [[07700-900-190]]",
    "Happy to talk - [[0116 4960 658]] (landline)",
    "Best number is [[+44 20 7946 0744]] during office hours.",
    "i gave my number [[07700 900 265]] at the desk and they called someone else",
]

POSTCODE_SENTENCES = [
    "I live in [[M13 9WL]] and the bus to the hospital takes over an hour",
    "We moved to [[LS9 7TF]] last year and still can't register with a GP",
    "Transport wouldn't pick me up because [[B15 2TH]] was 'out of area'",
    "my postcode is [[cb2 0qq]] but the letters keep going to the old address",
    "Parking permits should cover [[SE1 7EH]], we live next to the hospital",
    "Home is [[NE14LP]], 40 minutes from the nearest maternity unit",
    "POSTCODE [[L7 8XP]] - NO DISTRICT NURSE FOR 3 WEEKS",
    "The ambulance went to [[BS2 8HW]] instead of [[BS2 8HY]], lost 20 minutes",
    "Could the outreach team cover [[OX3 9DU]]? We're just outside the boundary",
    "We're in [[pl6 8dh]] and the nearest hospice has a six month wait",
    "Letters keep going to [[S10 2JF]] even though I moved to [[S11 8UD]] in March",
    "I'm a student living in [[NG7 2RD]] and the walk-in centre is always closed",
    "Postcode for the home visit is [[G12 8QQ]].",
    "the sat nav takes you to the wrong entrance if you put in [[CF14 4XW]]",
    "We are based in [[EH16 4SA]] and had to travel to Glasgow for the scan",
    "[[LE1 5WW]] area has had no dentist taking NHS patients for two years",
    "Please note my new postcode is [[BT9 7AB]]",
    "School catchment excludes [[M20 4BX]] even though we're 5 mins walk away",
    "Delivery of my meds to [[SW1A1AA]] failed twice",
    "I'm in [[w1g 9bj]], the local clinic is closing and there's no alternative",
    "Patient transport said [[DN4 8QN]] is not covered. Ridiculous",
    "my nan lives at [[YO31 8HE]] and has had no care visits since friday",
    "We commute from [[MK9 2AH]] so the later clinic times would really help",
    "My work address is [[EC1A 1BB]] if that helps",
    "As a district nurse covering [[TS1 3BW]] and the surrounding streets I regularly have 15 visits a day, no time for lunch and a mileage rate that hasn't gone up since 2019. We are losing good people to agencies and nobody at the top seems to notice.",
]

NHS_SENTENCES = [  # (sentence, format); {n} is replaced by a valid NHS number
    ("My NHS number is {n} in case you need to look me up", "334"),
    ("NHS no. {n} - my records still show the wrong GP", "334"),
    ("please check my mums file, nhs number {n}", "10"),
    ("The letter had my NHS number as {n} but the name was someone else's!", "334"),
    ("Ref: {n}. I have been waiting 9 months for a follow up.", "37"),
    ("MY NHS NUMBER {n} - STILL NO APPOINTMENT", "10"),
    ("my son's NHS number is {n} and the school nurse has the wrong one", "dash"),
    ("Patient NHS number: {n}", "334"),
    ("For reference my number is {n}, the repeat prescription keeps getting lost", "10"),
    ("I put my NHS number ({n}) on the form twice and it still got rejected", "37"),
    ("nhs no {n} appt cancelled again", "10"),
    ("Dad's NHS number is {n}; he is on the stroke unit.", "334"),
    ("Can someone check {n}? My blood results aren't showing on the app.", "dash"),
    ("Quoting my NHS number {n} as asked on the phone.", "334"),
    ("my daughters nhs number {n} please call me about her referral", "37"),
    ("Please merge my records - old NHS number {n}, new one {m}", "334"),
    ("NHS Number {n}, please update my address", "dash"),
    ("Complaint about the discharge of patient {n} from the surgical ward", "10"),
    ("The app shows my NHS number as {n} which is right but the surgery has it wrong", "334"),
    ("my nhs number is {n} and i am still waiting for my mri", "10"),
    ("Relatives form - patient's NHS no: {n}", "37"),
    ("Sending this on behalf of my husband, NHS number {n}.", "334"),
    ("{n} is my NHS number, use it to look up my missing referral", "334"),
    ("NHS NO. {n} STILL WAITING FOR RESULTS", "dash"),
    ("Hi, my NHS number is {n} and I'd like to know why my operation was cancelled on the day, after I had fasted, arranged childcare and taken unpaid leave. Nobody came to explain, a healthcare assistant just told me to go home and wait for a letter.", "10"),
]

URL_SENTENCES = [
    "The info on [[https://www.nhs.uk/conditions/asthma/]] was clearer than anything I got in clinic",
    "I found the form at [[www.gov.uk/apply-blue-badge]] myself, nobody told me about it",
    "You can see my fundraising page here [[gofundme.com/f/help-for-mums-care]]",
    "The course page [[moodle.uclan.ac.uk/course/view.php?id=4412]] has the wrong deadlines on it",
    "follow my recovery on [[instagram.com/jade_runs_again]]",
    "My complaint is also posted at [[https://www.facebook.com/groups/parentsofwardtwelve]]",
    "The link in the letter ([[http://www.rcn.org.uk/support]]) doesn't work",
    "Please add [[bit.ly/3xWardSurvey]] to the posters, the QR code is broken",
    "My LinkedIn is [[https://www.linkedin.com/in/priya-sharma-rgn-4412]] if you want to check my experience",
    "The school newsletter at [[example.org/page]] still lists last year's term dates",
    "I wrote about my experience on [[www.mumsnet.com/talk/health/4812033-awful-discharge]]",
    "Download the NHS App from [[nhs.uk/nhs-app]] - the receptionist didn't even know about it",
    "The patient leaflet links to [[https://patient.info/heart-health/atrial-fibrillation-leaflet]] which is helpful",
    "SEE MY VIDEO AT [[TIKTOK.COM/@NURSELIFE_UK]]",
    "Our class blog [[https://year6stmarys.blogspot.com/2024/03/trip.html]] has photos of the trip",
    "There's a petition at [[change.org/p/save-our-maternity-unit]] please read it",
    "My twitter is [[twitter.com/dr_kwame_m]] happy to discuss rota issues there",
    "The booking site [[https://bookings.lthtr.nhs.uk/physio]] kept crashing on my phone",
    "the handbook is at [[www.ucl.ac.uk/students/handbook-2024.pdf]] but it contradicts what tutors say",
    "Here's the review I left: [[https://www.google.com/maps/place/Ward+9/reviews/abc123]]",
    "Staff can find the survey at [[https://forms.office.com/r/Xy7aBcD9ef]].",
    "please look at [[youtube.com/@ChronicPainMum]] for how we actually live with this",
    "Guidance at [[https://www.england.nhs.uk/long-read/carers-guide/]] was useful, wish staff followed it",
    "I found out about the support group on [[facebook.com/sandra.okoro.5]]",
    "the trust website [[https://www.mft.nhs.uk/visiting/]] says visiting is 2 till 8 but the ward says otherwise",
]

# ---------------------------------------------------------------- NONE rows
NONE_SENTENCES = [
    "Small minority of staff are rude but most are lovely.",
    "Grace period for submitting coursework should be longer than 24 hours.",
    "Will there be more parking at Salford Royal any time soon?",
    "Hope the new Lister Wing opens on time, the old building is falling apart.",
    "Faith in the GP system has gone after waiting three weeks for a call back.",
    "Joy of joys, the Costa in the main entrance has finally reopened",
    "Mark schemes were released far too late for us to use them for revision.",
    "Bill for parking was £18 for a single visit to Addenbrooke's. Disgraceful.",
    "Rose garden outside Victoria Ward is a lovely place to sit with relatives",
    "Amber warning for snow and still no gritting on the staff car park",
    "Summer term is always too crowded with exams and trips",
    "Patience is wearing thin with the constant IT outages on SystmOne.",
    "Dawn shifts are brutal when the canteen doesn't open until 8",
    "Precious little information was given about the side effects of Sertraline",
    "Sunny days make the Jubilee Building unbearably hot, the windows don't open",
    "Jade plants on the reception desk are a nice touch",
    "Was given Amoxicillin and Paracetamol and sent home, no explanation of the scan",
    "Metformin made me ill and nobody at the surgery would change it",
    "The move from EMIS to SystmOne was badly handled at our practice",
    "Epic went live on a Monday and clinics were cancelled for two weeks",
    "Cerner keeps logging us out in the middle of ward rounds",
    "Turnitin flagged my reference list as plagiarism which was stressful",
    "Respondus Lockdown Browser crashed twice during my online exam",
    "Lecture recordings on Blackboard are often missing the audio",
    "Chegg answers are being used by half the class and nobody seems to care",
    "Moodle is impossible to navigate on a phone",
    "Teams meetings for parents evening worked much better than I expected",
    "Zoom lectures are fine but seminars should be in person",
    "Canvas notifications are so frequent I've turned them off and now miss deadlines",
    "Google Classroom is used by some teachers and not others, very confusing for parents",
    "Kingston Hospital A&E was packed on Saturday night, waited 7 hours",
    "The Queen Elizabeth Hospital car park is a nightmare at visiting time",
    "Alexandra Hospital maternity unit was clean and calm",
    "Rosemary Ward needs more chairs for relatives",
    "St Thomas' were brilliant during my husband's heart surgery",
    "Greggs on the ground floor is the only place open at night for staff",
    "Café Nero closes at 4, which is useless for night staff",
    "WH Smith in the main foyer has no healthy options at all",
    "Travel from Milton Keynes for every appointment is exhausting",
    "Stoke is a long way to travel for a ten minute appointment",
    "The Leeds clinic was much better organised than the one in Manchester",
    "PALS were helpful but it took four weeks to get a response",
    "CQC should visit this ward unannounced on a weekend",
    "BMA strike days were well communicated to patients at least",
    "Ofsted inspection week was stressful but we got good",
    "Unison reps have been really supportive over the restructure",
    "NHS staff are doing their best but the system is broken",
    "GP receptionists need more training in dealing with anxious patients",
    "a&e was packed, waited 9 hrs on a plastic chair",
    "the food on the ward was cold every single day",
    "parking is too expensive for staff who work nights",
    "no one told us when visiting hours changed",
    "THE WAITING TIMES ARE RIDICULOUS",
    "PLEASE FIX THE LIFTS IN THE JUBILEE BUILDING",
    "STAFF WERE AMAZING BUT THE WARD WAS FILTHY",
    "Very happy with the care I received.",
    "Everything was fine, thanks very much",
    "Could do better on communication between departments.",
    "The discharge lounge is a good idea but the wait for medicines from pharmacy is still 4 hours, and there is nowhere to lie down if you are in pain. My father sat in a hard chair from 11 until half past three with nothing but a cup of tea and a biscuit.",
    "Tuesday and Thursday clinics are always overbooked",
    "Appointments in August are impossible because of staff holidays",
    "In January the ward was so cold my dad had to wear his coat in bed",
    "Friday afternoon lectures are poorly attended, move them to the morning",
    "The Christmas menu was a lovely touch on the ward",
    "Over Easter there was no physio cover at all",
    "Half term childcare is a constant problem for staff with kids",
    "Hope this feedback is actually read by someone",
    "Will the survey results be shared with staff?",
    "Faith groups should have a proper room rather than a cupboard",
    "Grace and dignity were missing from my mother's end of life care.",
    "Mark my words, this ward will close within a year if nothing changes",
    "Bill payments for the TV by the bed are a rip off",
    "Patience and kindness from every member of staff, thank you",
    "Joy was in short supply on the ward this winter",
    "Summer holiday revision sessions would really help year 11",
    "Amber alerts on the system don't mean anything any more, they come up for everyone",
    "Rose tinted glasses on the senior leadership team, they have no idea what the wards are like",
    "Dawn to dusk shifts with no break is not acceptable",
    "Precious time is wasted on duplicate paperwork",
    "Sunny side of the building gets too hot for patients in summer",
    "will there be a bigger car park? its impossible to find a space after 9am",
    "mark schemes should be on the VLE before the mocks not after",
    "hope the new system is better than the last one",
    "GRACE PERIOD FOR LATE SUBMISSIONS IS TOO SHORT",
    "WILL THERE BE MORE NURSES ON NIGHTS?",
    "The Amoxicillin prescribed was out of stock at Boots so I had to go to three pharmacies",
    "Sertraline dose was changed without anyone telling me why",
    "Ibuprofen and Codeine left on the bedside table without checking I could open them",
    "The Omeprazole leaflet was in tiny print, impossible for older patients to read",
    "Insulin pens were not available on the ward for most of the morning",
    "Oramorph was given late every evening because the keys couldn't be found",
    "The Ventolin inhaler technique was never explained to my son",
    "The new Ward 12 is a massive improvement on the old Nightingale ward",
    "The Maple Unit is lovely but very hard to find",
    "Signage around the Blue Zone outpatients is confusing",
    "Level 3 of the Tower Block smells of damp",
    "The Heart Centre staff were fantastic from start to finish",
    "The Children's Assessment Unit needs more toys and a TV",
    "The Oak Ward team made a difficult week much easier",
    "Spent 6 hours in the Clinical Decision Unit with no food offered",
    "Eye Casualty should be open at weekends",
    "The Breast Screening Unit was efficient and friendly",
    "Physiotherapy waiting list is over 20 weeks in Kingston",
    "Manchester Royal Infirmary was overwhelmed on Boxing Day",
    "Leeds General Infirmary has a brilliant stroke team",
    "Our year 9 trip to Stoke was well organised",
    "The school should use Teams for everything instead of a mix of Teams, Zoom and Google Classroom",
    "Blackboard Collaborate sessions kept freezing during the revision week",
    "Turnitin similarity reports should be visible to students before submission",
    "Lockdown Browser doesn't work on Chromebooks, so half the class couldn't sit the test",
    "Please stop using Respondus for open book exams, it makes no sense",
    "As a teacher I spend hours every week updating Arbor and Google Classroom separately, then parents email to ask why the homework on one doesn't match the other. One system, please, and some proper training time on an INSET day rather than a twilight session after a full day of teaching.",
    "SystmOne and EMIS don't talk to each other so the hospital never has my meds list",
    "Epic is slow to load on the old ward computers",
    "Cerner training was a single two hour session which was nowhere near enough",
    "The NHS App keeps logging me out",
    "Ofsted will be back in the spring term and staff are already anxious",
    "CQC rated the trust as requires improvement, which matches our experience",
    "Unison and the RCN should be consulted before changing shift patterns",
    "PALS were the only people who actually helped us",
    "A&E triage was quick but the wait to see a doctor was 6 hours",
    "GP surgery never picks up the phone at 8am",
    "BMA guidance on rota gaps is being ignored by the trust",
    "NHS 111 told us to go to A&E, A&E told us to go to the GP",
    "not enough chairs in the waiting room at the Alexandra Hospital outpatient clinic",
    "the queen elizabeth hospital staff were kind but everything took ages",
    "salford royal physio dept were great",
    "lister wing lifts out of order AGAIN",
    "victoria ward nurses are run off their feet",
    "costa prices are too high for staff on band 2 and 3",
    "greggs closes too early for night shift",
    "turnitin is unfair to students who use grammar checkers",
    "moodle crashes every time a deadline is near",
    "paracetamol was all i got for a broken rib",
    "AMOXICILLIN GAVE ME A RASH AND NOBODY LISTENED",
    "NHS 111 WAS COMPLETELY USELESS TONIGHT",
    "OFSTED DOESN'T SEE WHAT REALLY HAPPENS IN THE CLASSROOM",
    "The café at Addenbrooke's should stay open later for visitors",
    "Milton Keynes University Hospital was clean and the staff were friendly",
    "Too many agency staff on nights who don't know the ward.",
    "More mental health support is needed for students during exam season",
    "Lab sessions are overcrowded and there aren't enough microscopes",
    "Catering staff do a great job with limited resources",
    "The chaplaincy service was a real comfort when my father died",
    "Staff wellbeing days are a nice idea but we can never get released from the ward to attend. We were sent a Zoom link for a mindfulness session at 2pm on a Tuesday, when the ward was two nurses down and the bed managers were ringing every ten minutes. It felt like box ticking, honestly.",
    "Feedback from lecturers takes far too long, often arriving after the next assignment is due, so we can't act on it. The module handbook promises three weeks but in Semester 2 it was closer to seven for most modules, and nobody explained the delay or apologised",
    "Interpreters are rarely booked in advance which delays appointments",
    "The induction for new starters was well organised and friendly",
    "Honestly the best care I have ever had, could not fault anything",
    "Overall good but communication could be much better",
]

CASE_TARGET = 0.30  # share of NAME rows in all-lowercase or ALL CAPS


def parse(marked: str) -> tuple[str, list[str]]:
    values: list[str] = []
    for v in re.findall(r"\[\[(.+?)\]\]", marked):
        if v not in values:
            values.append(v)
    return re.sub(r"\[\[(.+?)\]\]", r"\1", marked), values


def nhs_check_digit(nine: str) -> int | None:
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=False))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def new_nhs_number(used: set[str]) -> str:
    while True:
        nine = str(RNG.choice([4, 6, 7])) + "".join(str(RNG.randint(0, 9)) for _ in range(8))
        check = nhs_check_digit(nine)
        if check is not None and nine + str(check) not in used:
            used.add(nine + str(check))
            return nine + str(check)


def fmt_nhs(num: str, fmt: str) -> str:
    return {"334": f"{num[:3]} {num[3:6]} {num[6:]}", "37": f"{num[:3]} {num[3:]}",
            "10": num, "dash": f"{num[:3]}-{num[3:6]}-{num[6:]}"}[fmt]


def case_of(text: str) -> str:
    if text == text.lower():
        return "lower"
    if text == text.upper():
        return "upper"
    return "mixed"


def main() -> None:
    rows: list[dict[str, str]] = []

    # NAME rows, some converted to lower/upper case until ~30% are single-case
    names = [parse(s) for s in NAME_SENTENCES]
    target = round(CASE_TARGET * len(names))
    already = sum(case_of(t) != "mixed" for t, _ in names)
    mixed_idx = [i for i, (t, _) in enumerate(names) if case_of(t) == "mixed"]
    for k, i in enumerate(RNG.sample(mixed_idx, max(0, target - already))):
        t, vals = names[i]
        conv = str.lower if k % 3 else str.upper  # two lower for every upper
        names[i] = (conv(t), [conv(v) for v in vals])
    rows += [{"text": t, "kind": "NAME", "values": " | ".join(v)} for t, v in names]

    for kind, sents in (("EMAIL", EMAIL_SENTENCES), ("PHONE", PHONE_SENTENCES),
                        ("POSTCODE", POSTCODE_SENTENCES), ("URL", URL_SENTENCES)):
        for s in sents:
            t, v = parse(s)
            rows.append({"text": t, "kind": kind, "values": " | ".join(v)})

    used: set[str] = set()
    for s, fmt in NHS_SENTENCES:
        n = fmt_nhs(new_nhs_number(used), fmt)
        m = fmt_nhs(new_nhs_number(used), fmt)
        text = s.format(n=n, m=m)
        vals = [n] + ([m] if "{m}" in s else [])
        rows.append({"text": text, "kind": "NHS_NUMBER", "values": " | ".join(vals)})

    rows += [{"text": s, "kind": "NONE", "values": ""} for s in NONE_SENTENCES]

    RNG.shuffle(rows)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["text", "kind", "values"])
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()

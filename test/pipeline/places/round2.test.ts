/**
 * Geocoding round 2 (issue 3): one table per mechanism, with sentences written for this test.
 * Each row names a mention and what it must resolve to, or that it must not be a place.
 */
import { describe } from 'vitest';
import { runTables, type Tables } from './tables.js';

const TABLES: Tables = {
  'with no place named, an alternate spelling of a town after "in" is that town': [
    {
      text: 'Drone kills man and three children in Bogodukhiv',
      want: [{ mention: 'Bogodukhiv', name: 'Bohodukhiv', country: 'Ukraine' }],
    },
  ],
  'in lower-case text, a name after a title and a first name is a person': [
    {
      text: 'furious relatives rampaged in asuncion, paraguay, on tuesday. president nicanor duarte went on television in the evening.',
      want: [
        { mention: 'asuncion', country: 'Paraguay' },
        { mention: 'duarte', name: null },
      ],
    },
  ],
  'an Arabic place name written without its article': [
    {
      text: 'More than 1,000 stateless Arabs demonstrated in the Kuwaiti city of Jahra on Friday.',
      want: [{ mention: 'Jahra', country: 'Kuwait' }],
    },
  ],
  'two ambiguous names settle on one country instead of flipping each other': [
    {
      text: 'Protesters fought with police outside the Ontario legislature in Toronto.',
      want: [
        { mention: 'Ontario', country: 'Canada', kind: 'admin1' },
        { mention: 'Toronto', country: 'Canada' },
      ],
    },
  ],
  'a country named for a war, for what people oppose, or in a sea\'s name is no location': [
    {
      text: 'Hundreds marched against the Iraq War in Tegucigalpa. An anti-Syria rally filled the square in Beirut. Workers in the Persian Gulf emirate of Dubai went on strike.',
      want: [
        { mention: 'Iraq', role: 'actor' },
        { mention: 'Syria', role: 'actor' },
        { mention: 'Tegucigalpa', country: 'Honduras' },
        { mention: 'Dubai', country: 'United Arab Emirates' },
      ],
    },
  ],
  'a country name beats a town of the same name abroad, and its vote holds': [
    {
      text: 'thousands of liberia s former soldiers blocked a road. the convoy stopped near monrovia city hall, and the armed forces of liberia said nothing.',
      want: [
        { mention: 'liberia', country: 'Liberia', kind: 'country' },
        { mention: 'monrovia', country: 'Liberia' },
      ],
    },
  ],
  'a capital in apposition is the place just named; "capital of X\'s region" is the region\'s seat': [
    {
      text: "Gunmen seized 79 pupils from a school in Bamenda, capital of Cameroon's North-West region, on Sunday.",
      want: [
        { mention: 'Bamenda', name: 'Bamenda' },
        { mention: 'capital', name: null },
      ],
    },
    {
      text: "Gunmen seized 79 pupils from a school near the capital of Cameroon's North-West region on Sunday.",
      want: [{ mention: 'capital', name: 'Bamenda' }],
    },
  ],
  '"St." reads as "Saint" where the abbreviated name is not listed itself': [
    {
      text: 'About 100 people marched through Ferguson, in St. Louis County, on Tuesday.',
      want: [{ mention: 'St. Louis County', name: 'Saint Louis', country: 'United States' }],
    },
  ],
  'a compass word opening a street name is no town; a town opening one is a site of the town': [
    {
      text: 'The march went from Ferguson, Missouri, along West Florissant Avenue and back.',
      want: [
        { mention: 'Ferguson', country: 'United States' },
        { mention: 'West', name: null },
        { mention: 'Florissant', name: null },
      ],
    },
  ],
  'a bare country name shared by its capital is the country': [
    {
      text: 'More than 40 demonstrators were detained in Panama on Monday after police used tear gas near San Felix.',
      want: [{ mention: 'Panama', country: 'Panama', name: 'Panama' }],
    },
  ],
  'a first name before a possessed surname is a person': [
    {
      text: "Marchers in Ferguson, Missouri, said they wanted Michael Brown's family to know he was not forgotten.",
      want: [{ mention: 'Michael', name: null }],
    },
  ],
  'a town near the country of the forces named beats a bigger namesake across the world': [
    {
      text: 'Settlers accompanied by Israeli troops uprooted olive trees in a village of Bethlehem governorate on Friday.',
      want: [{ mention: 'Bethlehem', country: 'Palestine' }],
    },
  ],
  'a capital that acts, over an adverb or auxiliary, stands for its government': [
    {
      text: 'A drone struck a camp near Makhmour in Iraq on Saturday. Ankara regularly bombs PKK positions. Damascus has repeatedly denied it.',
      want: [
        { mention: 'Ankara', role: 'actor' },
        { mention: 'Damascus', role: 'actor' },
      ],
    },
  ],
  'a name after a place and a comma is its province where one has the name': [
    {
      text: 'Police used tear gas to end a blockade by indigenous protesters in San Félix, Chiriquí, on Monday.',
      want: [
        { mention: 'San Félix', country: 'Panama' },
        { mention: 'Chiriquí', name: 'Chiriqui' },
      ],
    },
  ],
  'a big city known by a name only in another language gives way to a town called so': [
    {
      text: 'Settlers uprooted olive seedlings in Kisan, east of Bethlehem, on Friday evening.',
      want: [{ mention: 'Bethlehem', country: 'Palestine' }],
    },
  ],
  'a spelling variant is taken only in the country most named, and never for a person acting': [
    {
      text: 'Farmers blocked the road at San Felix in Chiriqui province, Panama. The Indians kept the junction of Tolenad closed and the Indians refused to leave.',
      want: [
        { mention: 'San Felix', country: 'Panama' },
        { mention: 'Tolenad', name: null },
      ],
    },
    {
      // a speaker's name heading a quote is no respelled village of a country named later
      text: 'Klymenko: the attack in Lviv was ordered by Russia',
      want: [
        { mention: 'Klymenko', name: null },
        { mention: 'Lviv', country: 'Ukraine' },
      ],
    },
  ],
  'a surname once written after a first name or title stays a person where it recurs alone': [
    {
      text: 'A missile hit a block of flats in Kharkiv, Ukraine, and Russia denied it. Ukraine President Volodymyr Zelensky spoke on Telegram. Zelensky said the building was destroyed.',
      want: [
        { mention: 'Kharkiv', country: 'Ukraine' },
        { mention: 'Zelensky', name: null },
      ],
    },
    {
      // a one-letter "name" before is no first name: the district recurs as a place
      text: "Two militants were killed in J-K's Udhampur.\nSecurity forces killed three more in J-K's Kishtwar, Udhampur on Tuesday.",
      want: [{ mention: 'Udhampur', country: 'India' }],
    },
  ],
  'a dateline in capitals below the page header, or with a garbled dash after the agency': [
    {
      text: 'An official website\nShare this page\nPress release\nBomb attack on a bus\nBy the press office\nKABUL, Afghanistan (March 28) – Insurgents attacked a bus on Wednesday in Khost province.',
      want: [
        { mention: 'KABUL', role: 'dateline' },
        { mention: 'Khost', kind: 'admin1', role: 'location' },
      ],
    },
    {
      text: 'Graves found near Sinjar\n\nIRBIL, Iraq (AP) "” Kurdish fighters said they found two graves outside Sinjar.',
      want: [{ mention: 'IRBIL', role: 'dateline' }],
    },
  ],
  'an admin word after the name ("Bak District") is no small town abroad': [
    {
      text: 'The bomb went off in Naar village, Bak District, killing ten passengers of a bus.',
      want: [{ mention: 'Bak', name: null }],
    },
  ],
  'a town abroad known by this name only as an alternate, backed only by a people named as attackers': [
    {
      text: 'Saudi-led jets struck Sanaa, Yemen, on Thursday. A Saudi statement said bases were hit. Residents said a strike hit houses between Hael and another street in Sanaa.',
      want: [
        { mention: 'Sanaa', country: 'Yemen' },
        { mention: 'Hael', name: null },
      ],
    },
  ],
  'a province’s capital is its seat; a capital’s possessive with a plan or intention is the government': [
    {
      text: 'Rebels advanced on the capital of North Kivu after taking a town in Masisi territory.',
      want: [{ mention: 'capital', name: 'Goma', country: 'Democratic Republic of Congo' }],
    },
    {
      text: 'Gunmen attacked a checkpoint in West Darfur state, and hundreds fled to the state capital.',
      want: [{ mention: 'capital', name: 'Geneina' }],
    },
    {
      text: 'Fighting went on in Masisi territory, North Kivu. Kinshasa’s intention to expel the regional force was restated.',
      want: [{ mention: 'Kinshasa', role: 'actor' }],
    },
  ],
  '"the capital" in a report datelined from the country’s far larger former capital': [
    {
      text: 'BUJUMBURA, May 3 (Reuters) – A grenade wounded eight people at a bar on Sunday. Police searched that part of the capital on Monday.',
      want: [{ mention: 'capital', name: 'Bujumbura' }],
    },
  ],
  'a town’s name inside a site’s name ("X Market") needs the report to point to its country': [
    {
      text: 'A crowd beat a suspected thief to death around Moro Market late on Tuesday night.',
      want: [{ mention: 'Moro', name: null }],
    },
    {
      text: 'Traders at Kano Market in northern Nigeria closed their stalls after the attack.',
      want: [{ mention: 'Kano', country: 'Nigeria' }],
    },
  ],
  'a one-country town then an unknown capitalised word after "at/in" is a quarter of that town': [
    {
      text: 'A mob lynched a suspected robber around the lorry park at Tafo Pankrono before dawn.',
      want: [{ mention: 'Tafo', country: 'Ghana', kind: 'place' }],
    },
    {
      // another country named: the town abroad stays out
      text: 'A man was found dead in the Chico Mendes quarter, in the east of Manaus.',
      want: [
        { mention: 'Chico', name: null },
        { mention: 'Manaus', country: 'Brazil' },
      ],
    },
  ],
  'a province named by an ordinary word, capitalised after "in", with no rival of its size': [
    {
      text: 'Gunmen killed one man and abducted six others in Plateau community on Sunday',
      want: [{ mention: 'Plateau', kind: 'admin1', country: 'Nigeria', precision: 3 }],
    },
    {
      // a compass word is never taken so
      text: 'The army repelled an attack on a position in Southern region overnight',
      want: [{ mention: 'Southern', name: null }],
    },
  ],
  'a district with no known place inside, only where the text calls it a district': [
    {
      text: 'Government forces retook the centre of Nawa district in Helmand province, Afghanistan.',
      want: [{ mention: 'Nawa', kind: 'admin2', admin1: 'Helmand', country: 'Afghanistan', precision: 2 }],
    },
    {
      text: 'A roadside bomb hit a bus in Bak district of Khost province, Afghanistan, killing ten.',
      want: [{ mention: 'Bak', kind: 'admin2', admin1: 'Khost', precision: 2 }],
    },
    {
      // the same name without the word "district" is no mention
      text: 'Police in Khost province, Afghanistan, said the attackers came from Bak before dawn.',
      want: [{ mention: 'Bak', name: null }],
    },
    {
      // "region" calls for a province: Ukraine's, not a Russian district of the same name
      text: 'In Donetsk region, Russians killed three civilians and wounded five.',
      want: [{ mention: 'Donetsk', country: 'Ukraine' }],
    },
  ],
  'a province of a neighbouring country nothing points to, the same name on the near side of the border': [
    {
      // Iraq's Kurdistan Region is no gazetteer province: not Iran's Kurdistan province either
      text: 'The Kurdistan Region\'s counter-terrorism service said the drone struck near Mosul, some 80 km from Baghdad, in northern Iraq.',
      want: [{ mention: 'Kurdistan', name: null }, { mention: 'Mosul', country: 'Iraq' }],
    },
    {
      // a province named without a cue before another capitalised word is part of a longer name
      text: 'In Ferguson, Missouri, marchers showed support for the family of Michael Brown, who was shot dead by a police officer.',
      want: [{ mention: 'Michael', name: null }],
    },
    {
      // a country named once beside it is no sign against it
      text: 'Following an exchange of attacks between Israel and Iran, five people were killed in Al-Suwaidaa.',
      want: [{ mention: 'Al-Suwaidaa', country: 'Syria' }],
    },
  ],
  'a respelled town after "near", beside a named city, in a report naming another country more': [
    {
      // a respelling after "near" in a report about the striker's country, beside a named city 60 km off
      text: 'A Turkish drone attack killed two militants near Makhmour, south-west of Erbil, officials in Iraq said, the latest in a string of Turkish strikes. The camp was set up for Kurds who fled fighting between Turkish forces and militants in south-eastern Turkey. Turkey says the group threatens Turkey, and Turkish jets often strike in Turkey.',
      want: [{ mention: 'Makhmour', country: 'Iraq', admin1: 'Erbil' }],
    },
  ],
  'a name read with its unit word is that unit where named bare, unless the bare name is a notable town in it': [
    {
      // a hamlet called like its province is not what "blockades in Chiriqui" means after "Chiriqui province"
      text: 'Protesters closed the highway near San Felix, in Chiriqui province, on Monday. Blockades in Chiriqui have often been used by indigenous movements.',
      want: [{ mention: 'Chiriqui', kind: 'admin1', country: 'Panama' }],
    },
    {
      // the state's capital is still the city
      text: 'Gunmen abducted 20 travellers on a highway in Kaduna State on Monday. Police in Kaduna said a search was under way.',
      want: [{ mention: 'Kaduna', kind: 'place', country: 'Nigeria' }],
    },
  ],
  'a country owning an institution, and a province after a compass word': [
    {
      // "Panama's riot police" is the country's, even where Panama City is named later
      text: "More than 300 of Panama's riot police cleared a blockade near San Felix on Monday. Lorries travelling between Panama City and the border were stranded.",
      want: [{ mention: 'Panama', kind: 'country' }],
    },
    {
      // "in eastern Chiriquí" is the province, not the village called Chiriquí
      text: 'Police reopened the highway in eastern Chiriquí on Monday after protesters blocked it near San Felix.',
      want: [{ mention: 'Chiriquí', kind: 'admin1', country: 'Panama' }],
    },
  ],
  'a street is named for a town, not for a county': [
    {
      text: 'The marchers walked through Ferguson on Tuesday night. They set off from Chambers Road and looped back to their starting point.',
      want: [{ mention: 'Chambers', name: null }],
    },
  ],
};

describe('findPlaces: round-2 mechanisms', () => {
  runTables(TABLES, 'placed');
});

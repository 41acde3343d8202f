import type { TopCategoryDef } from './catalogue-types.ts'

const metricThreads = ['M6', 'M8', 'M10', 'M12', 'M16', 'M20', 'M24', 'M30', 'M36']
const fastenerFinish = ['Black Oxide', 'Zinc Plated*1.1', 'Hot Dip Galvanised*1.3', 'Plain']

export const suppliesCategories: readonly TopCategoryDef[] = [
  {
    slug: 'fasteners',
    name: 'Fasteners',
    description: 'Bolts, nuts, screws, washers, anchors and rivets in steel and stainless steel.',
    sellerWords: ['Fasteners', 'Bolt Industries', 'Hardware Stores', 'Screw Works', 'Industrial Fasteners'],
    subcategories: [
      {
        slug: 'hex-bolts',
        name: 'Hex Bolts & Screws',
        description: 'Hexagon head bolts and set screws in property classes 4.6 to 10.9.',
        templates: [
          {
            kinds: ['Hex Bolt', 'Hex Head Set Screw', 'High Tensile Hex Bolt', 'Structural Bolt'],
            specs: [
              { name: 'Thread Size', values: metricThreads, size: true },
              {
                name: 'Length',
                values: ['25 mm', '40 mm', '50 mm', '75 mm', '100 mm', '150 mm'],
                follows: true,
              },
              { name: 'Grade', values: ['4.6', '8.8*1.3', '10.9*1.6', 'SS 304 (A2)*3.2', 'SS 316 (A4)*4'] },
              { name: 'Finish', values: fastenerFinish },
              { name: 'Standard', values: ['IS 1364', 'DIN 931', 'DIN 933'], optional: true },
            ],
            titles: [
              '{Thread Size} x {Length} {kind}, Grade {Grade}',
              '{kind} {Thread Size}, {Finish}',
              'Grade {Grade} {kind} {Thread Size}',
            ],
            units: [
              ['kg', [25, 50, 100], 1],
              ['box of 100', [1, 5, 10], 6],
            ],
            price: [110, 240],
            features: [
              'Cold forged with rolled threads for higher fatigue strength.',
              'Head marked with grade and manufacturer identification.',
              'Lot-wise test certificates for hardness and tensile strength.',
            ],
            uses: [
              'structural steel work',
              'machinery assembly',
              'automobile and tractor parts',
              'pre-engineered buildings',
            ],
          },
        ],
      },
      {
        slug: 'nuts-washers',
        name: 'Nuts & Washers',
        description: 'Hex, nylock and flange nuts with plain and spring washers.',
        templates: [
          {
            kinds: [
              'Hex Nut',
              'Nylon Insert Lock Nut',
              'Flange Nut',
              'Plain Washer',
              'Spring Washer',
              'Heavy Hex Nut',
            ],
            specs: [
              { name: 'Size', values: metricThreads, size: true },
              {
                name: 'Material',
                values: ['Mild Steel', 'High Tensile Grade 8*1.3', 'SS 304*3.3', 'Brass*4'],
              },
              { name: 'Finish', values: fastenerFinish },
              { name: 'Standard', values: ['IS 1363', 'DIN 934', 'DIN 985', 'DIN 125'], optional: true },
            ],
            titles: ['{Size} {kind}', '{Material} {kind} {Size}', '{kind} {Size}, {Finish}'],
            units: [
              ['kg', [10, 25, 50, 100], 1],
              ['box of 100', [1, 5, 10], 2.2],
            ],
            price: [105, 210],
            features: [
              'Threads checked with ring and plug gauges for a smooth fit.',
              'Uniform hardness through the section.',
              'Packed in 25 kg HDPE bags or 100-piece boxes.',
            ],
            uses: [
              'general engineering',
              'electrical transmission towers',
              'railway and bridge work',
              'furniture and fabrication',
            ],
          },
        ],
      },
      {
        slug: 'socket-head-screws',
        name: 'Allen Bolts & Socket Screws',
        description: 'Socket head cap screws, grub screws and countersunk socket screws.',
        templates: [
          {
            kinds: ['Allen Bolt', 'Socket Head Cap Screw', 'Grub Screw', 'Countersunk Allen Screw'],
            specs: [
              {
                name: 'Thread Size',
                values: ['M4', 'M5', 'M6', 'M8', 'M10', 'M12', 'M16', 'M20'],
                size: true,
              },
              {
                name: 'Length',
                values: ['10 mm', '16 mm', '25 mm', '40 mm', '60 mm', '100 mm'],
                follows: true,
              },
              { name: 'Grade', values: ['12.9', '10.9*0.9', 'SS 304*2.6'] },
              { name: 'Standard', values: ['DIN 912', 'DIN 916', 'DIN 7991'] },
            ],
            titles: [
              '{kind} {Thread Size} x {Length}',
              '{Grade} {kind} {Thread Size}',
              '{kind} {Thread Size}, {Standard}',
            ],
            units: [
              ['box of 100', [1, 5, 10, 50], 1],
              ['kg', [10, 25], 0.8],
            ],
            price: [180, 4200],
            features: [
              'Alloy steel, hardened and tempered to 39-44 HRC.',
              'Precise hex socket that does not round off under torque.',
              'Black oxide finish with a light oil film against rust.',
            ],
            uses: ['dies and moulds', 'machine tools', 'jigs and fixtures', 'automation equipment'],
          },
        ],
      },
      {
        slug: 'anchor-fasteners',
        name: 'Anchor Fasteners',
        description: 'Wedge, sleeve and chemical anchors and foundation bolts.',
        templates: [
          {
            kinds: [
              'Wedge Anchor',
              'Sleeve Anchor',
              'Drop-In Anchor',
              'Foundation Bolt',
              'Chemical Anchor Stud',
            ],
            specs: [
              { name: 'Size', values: ['M8', 'M10', 'M12', 'M16', 'M20', 'M24'], size: true },
              { name: 'Length', values: ['75 mm', '100 mm', '150 mm', '250 mm', '500 mm'], follows: true },
              {
                name: 'Material',
                values: ['Carbon Steel Zinc Plated', 'Hot Dip Galvanised*1.3', 'SS 304*2.8'],
              },
              { name: 'Drill Hole', values: ['10 mm', '12 mm', '14 mm', '18 mm', '24 mm'], optional: true },
            ],
            titles: ['{kind} {Size} x {Length}', '{Material} {kind} {Size}', '{Size} {kind}'],
            units: [
              ['piece', [50, 100, 500], 1],
              ['box of 50', [1, 5, 10], 46],
            ],
            price: [9, 260],
            features: [
              'Expands evenly in concrete for a high pull-out load.',
              'Supplied with nut and washer assembled.',
              'Load tables for M20 grade concrete available on request.',
            ],
            uses: [
              'machine foundations',
              'steel structure base plates',
              'cable trays and pipe supports',
              'railings and facades',
            ],
          },
        ],
      },
      {
        slug: 'self-tapping-screws',
        name: 'Self-Tapping & Roofing Screws',
        description: 'Self-drilling, self-tapping and roofing screws for sheet metal.',
        templates: [
          {
            kinds: [
              'Self Drilling Screw',
              'Self Tapping Screw',
              'Roofing Screw with EPDM Washer',
              'Drywall Screw',
            ],
            specs: [
              {
                name: 'Size',
                values: ['No. 8 (4.2 mm)', 'No. 10 (4.8 mm)', 'No. 12 (5.5 mm)', 'No. 14 (6.3 mm)'],
                size: true,
              },
              {
                name: 'Length',
                values: ['13 mm', '19 mm', '25 mm', '38 mm', '50 mm', '75 mm'],
                follows: true,
              },
              { name: 'Head', values: ['Hex Washer Head', 'Pan Head', 'Countersunk', 'Wafer Head'] },
              { name: 'Coating', values: ['Zinc Plated', 'Ceramic Coated*1.4', 'SS 410*2.2'] },
            ],
            titles: ['{kind} {Size} x {Length}', '{Head} {kind}, {Length}', '{Coating} {kind}'],
            units: [
              ['box of 1000', [1, 5, 10], 1],
              ['kg', [10, 25], 0.25],
            ],
            price: [380, 2600],
            features: [
              'Case hardened drill point cuts through up to 6 mm steel.',
              'Salt spray tested for roofing applications.',
              'Bonded EPDM washers keep roofs leak-free.',
            ],
            uses: ['roofing and cladding', 'HVAC ducting', 'false ceilings', 'sheet metal fabrication'],
          },
        ],
      },
      {
        slug: 'studs-threaded-rods',
        name: 'Studs & Threaded Rods',
        description: 'Stud bolts, full-thread rods and U-bolts.',
        templates: [
          {
            kinds: ['Stud Bolt', 'Fully Threaded Rod', 'Double End Stud'],
            specs: [
              { name: 'Size', values: ['M10', 'M12', 'M16', 'M20', 'M24', 'M30'], size: true },
              { name: 'Length', values: ['1 m', '2 m', '3 m', '100 mm', '200 mm'] },
              { name: 'Grade', values: ['MS 4.6', 'ASTM A193 B7*1.6', 'SS 304*3', 'ASTM A193 B8M*3.8'] },
              { name: 'Coating', values: ['Plain', 'Zinc Plated', 'PTFE Coated*1.4', 'Hot Dip Galvanised'] },
            ],
            titles: ['{kind} {Size} x {Length}', '{Grade} {kind} {Size}', '{Coating} {kind}'],
            units: [
              ['kg', [25, 50, 100], 1],
              ['piece', [50, 100], 0.6],
            ],
            price: [125, 230],
            features: [
              'Continuous thread rolled on bar stock.',
              'Heavy hex nuts to ASTM A194 supplied with stud bolts.',
              'Cut to the length you specify.',
            ],
            uses: [
              'flange bolting',
              'pipe supports and hangers',
              'false ceiling suspension',
              'tank and vessel fabrication',
            ],
          },
        ],
      },
      {
        slug: 'rivets',
        name: 'Rivets',
        description: 'Blind (pop) rivets, solid rivets and rivet nuts.',
        templates: [
          {
            kinds: ['Blind Rivet', 'Solid Rivet', 'Rivet Nut', 'Multi-Grip Blind Rivet'],
            specs: [
              { name: 'Diameter', values: ['3.2 mm', '4 mm', '4.8 mm', '6.4 mm'], size: true },
              { name: 'Length', values: ['6 mm', '8 mm', '10 mm', '12 mm', '16 mm', '20 mm'], follows: true },
              { name: 'Material', values: ['Aluminium', 'Steel', 'SS 304*2.5', 'Copper*2'] },
              { name: 'Head Style', values: ['Dome Head', 'Large Flange', 'Countersunk'] },
            ],
            titles: [
              '{Material} {kind} {Diameter} x {Length}',
              '{kind} {Diameter}, {Head Style}',
              '{Diameter} {kind}',
            ],
            units: [
              ['box of 1000', [1, 5, 10], 1],
              ['kg', [5, 10, 25], 0.6],
            ],
            price: [320, 1800],
            features: [
              'Uniform mandrel break load for consistent joints.',
              'Can be set from one side with a hand or pneumatic riveter.',
              'Anodised colours available on request.',
            ],
            uses: [
              'bus and truck body building',
              'ducting and signboards',
              'electrical enclosures',
              'appliance assembly',
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'lubricants',
    name: 'Lubricants & Oils',
    description: 'Industrial oils and greases for hydraulics, gears, engines, cutting and compressors.',
    sellerWords: ['Lubricants', 'Petro Products', 'Oil Corporation', 'Lube Traders', 'Petrochem'],
    subcategories: [
      {
        slug: 'hydraulic-oils',
        name: 'Hydraulic Oils',
        description: 'Anti-wear hydraulic oils for presses, injection moulding and mobile equipment.',
        templates: [
          {
            kinds: ['Hydraulic Oil', 'Anti-Wear Hydraulic Oil', 'Zinc-Free Hydraulic Oil'],
            specs: [
              {
                name: 'Viscosity Grade',
                values: ['ISO VG 32', 'ISO VG 46', 'ISO VG 68', 'ISO VG 100'],
                size: true,
              },
              { name: 'Type', values: ['Mineral', 'Semi-Synthetic*1.5', 'Synthetic*2.4'] },
              { name: 'Standard', values: ['IS 11656', 'DIN 51524 Part 2', 'ISO 11158 HM'] },
              { name: 'Pack Size', values: ['20 L Bucket', '50 L Drum', '210 L Barrel'] },
            ],
            titles: [
              '{kind} {Viscosity Grade}',
              '{Viscosity Grade} {kind}, {Pack Size}',
              '{Type} {kind} {Viscosity Grade}',
            ],
            units: [
              ['litre', [20, 50, 210], 1],
              ['barrel (210 L)', [1, 2, 4], 200],
            ],
            price: [135, 190],
            features: [
              'Zinc-based anti-wear additives protect vane and gear pumps.',
              'Good demulsibility: water separates quickly in the tank.',
              'Resists oxidation and sludge formation in long drain intervals.',
            ],
            uses: [
              'hydraulic presses',
              'plastic injection moulding machines',
              'machine tools',
              'earthmoving equipment',
            ],
          },
        ],
      },
      {
        slug: 'gear-oils',
        name: 'Gear Oils',
        description: 'Extreme-pressure industrial and automotive gear oils.',
        templates: [
          {
            kinds: ['Industrial Gear Oil', 'EP Gear Oil', 'Worm Gear Oil', 'Synthetic Gear Oil'],
            specs: [
              {
                name: 'Viscosity Grade',
                values: ['ISO VG 150', 'ISO VG 220', 'ISO VG 320', 'ISO VG 460', 'ISO VG 680'],
                size: true,
              },
              { name: 'Base Oil', values: ['Mineral', 'PAO Synthetic*2.6', 'PAG Synthetic*3'] },
              { name: 'Additive', values: ['Sulphur-Phosphorus EP', 'Non-EP'] },
              { name: 'Pack Size', values: ['20 L Bucket', '210 L Barrel'] },
            ],
            titles: [
              '{kind} {Viscosity Grade}',
              '{Base Oil} {kind}, {Viscosity Grade}',
              '{kind} {Viscosity Grade}, {Pack Size}',
            ],
            units: [
              ['litre', [20, 50, 210], 1],
              ['barrel (210 L)', [1, 2], 200],
            ],
            price: [165, 240],
            features: [
              'Strong EP film prevents scuffing under shock loads.',
              'Compatible with common seal materials.',
              'Foam-free even at high gear speeds.',
            ],
            uses: [
              'enclosed gearboxes',
              'sugar and cement mills',
              'steel plant drives',
              'crane and conveyor gear units',
            ],
          },
        ],
      },
      {
        slug: 'engine-oils',
        name: 'Diesel Engine Oils',
        description: 'Engine oils for generator sets, trucks, tractors and stationary engines.',
        templates: [
          {
            kinds: ['Diesel Engine Oil', 'Multigrade Engine Oil', 'Gas Engine Oil', 'Genset Engine Oil'],
            specs: [
              {
                name: 'SAE Grade',
                values: ['SAE 30', 'SAE 40', 'SAE 20W-40', 'SAE 15W-40', 'SAE 10W-30'],
                size: true,
              },
              { name: 'API Service', values: ['CF-4', 'CH-4*1.1', 'CI-4*1.2', 'CK-4*1.35'] },
              { name: 'Pack Size', values: ['5 L Can', '20 L Bucket', '210 L Barrel'] },
              { name: 'Drain Interval', values: ['250 hours', '500 hours'], optional: true },
            ],
            titles: [
              '{kind} {SAE Grade} {API Service}',
              '{SAE Grade} {kind}, {Pack Size}',
              '{kind} {SAE Grade}',
            ],
            units: [
              ['litre', [20, 50, 210], 1],
              ['barrel (210 L)', [1, 2, 4], 200],
            ],
            price: [180, 260],
            features: [
              'High TBN neutralises acids from high-sulphur diesel.',
              'Keeps pistons and rings clean between drains.',
              'Tested on Indian field fleets and gensets.',
            ],
            uses: ['diesel generator sets', 'trucks and tippers', 'tractors', 'stationary engines'],
          },
        ],
      },
      {
        slug: 'industrial-greases',
        name: 'Industrial Greases',
        description: 'Lithium, lithium complex, calcium and high-temperature greases.',
        templates: [
          {
            kinds: [
              'Lithium Grease',
              'Lithium Complex Grease',
              'EP Grease',
              'High Temperature Bearing Grease',
              'Food Grade Grease',
            ],
            specs: [
              { name: 'NLGI Grade', values: ['NLGI 00', 'NLGI 0', 'NLGI 1', 'NLGI 2', 'NLGI 3'], size: true },
              {
                name: 'Thickener',
                values: [
                  'Lithium',
                  'Lithium Complex*1.6',
                  'Calcium*0.8',
                  'Polyurea*2.2',
                  'Aluminium Complex (H1)*3',
                ],
              },
              { name: 'Drop Point', values: ['180 °C', '260 °C', '290 °C'] },
              { name: 'Pack Size', values: ['1 kg Tin', '18 kg Bucket', '180 kg Drum'] },
            ],
            titles: ['{kind} {NLGI Grade}', '{NLGI Grade} {kind}, {Pack Size}', '{Thickener} {kind}'],
            units: [
              ['kg', [18, 36, 180], 1],
              ['bucket (18 kg)', [1, 5, 10], 17],
            ],
            price: [190, 320],
            features: [
              'Stays in place in bearings running hot and fast.',
              'Good water washout resistance.',
              'Suitable for centralised greasing systems in lower NLGI grades.',
            ],
            uses: [
              'motor and fan bearings',
              'chassis and wheel bearings',
              'steel and paper mills',
              'food and packaging machines',
            ],
          },
        ],
      },
      {
        slug: 'cutting-oils',
        name: 'Cutting Oils & Coolants',
        description: 'Soluble cutting oils, neat cutting oils and synthetic coolants.',
        templates: [
          {
            kinds: [
              'Soluble Cutting Oil',
              'Neat Cutting Oil',
              'Synthetic Coolant',
              'Semi-Synthetic Coolant',
              'EDM Oil',
            ],
            specs: [
              { name: 'Type', values: ['Emulsifiable', 'Neat*1.1', 'Fully Synthetic*1.5'], size: true },
              { name: 'Dilution', values: ['1:20', '1:30', '1:40', 'Use Neat'] },
              { name: 'Suitable Metals', values: ['Ferrous', 'Ferrous and Non-Ferrous', 'Aluminium'] },
              { name: 'Pack Size', values: ['20 L Bucket', '50 L Drum', '210 L Barrel'] },
            ],
            titles: ['{kind}', '{kind} for {Suitable Metals} Metals', '{kind}, {Pack Size}'],
            units: [
              ['litre', [20, 50, 210], 1],
              ['barrel (210 L)', [1, 2], 200],
            ],
            price: [115, 280],
            features: [
              'Milky stable emulsion that does not split in hard water.',
              'Contains biocide to control odour and bacterial growth.',
              'Improves tool life and surface finish.',
            ],
            uses: ['CNC turning and milling', 'grinding', 'drilling and tapping', 'gear hobbing'],
          },
        ],
      },
      {
        slug: 'compressor-turbine-oils',
        name: 'Compressor, Turbine & Transformer Oils',
        description: 'Oils for air compressors, turbines, refrigeration and transformers.',
        templates: [
          {
            kinds: [
              'Screw Compressor Oil',
              'Reciprocating Compressor Oil',
              'Turbine Oil',
              'Transformer Oil',
              'Refrigeration Oil',
            ],
            specs: [
              {
                name: 'Viscosity Grade',
                values: ['ISO VG 32', 'ISO VG 46', 'ISO VG 68', 'ISO VG 100'],
                size: true,
              },
              { name: 'Base', values: ['Mineral', 'Synthetic*2.8'] },
              { name: 'Standard', values: ['DIN 51506 VDL', 'IS 335', 'ISO 8068'] },
              { name: 'Pack Size', values: ['20 L Bucket', '210 L Barrel'] },
            ],
            titles: ['{kind} {Viscosity Grade}', '{Base} {kind}', '{kind}, {Pack Size}'],
            units: [
              ['litre', [20, 210, 1000], 1],
              ['barrel (210 L)', [1, 2, 4], 200],
            ],
            price: [120, 260],
            features: [
              'Low carbon forming tendency at high discharge temperatures.',
              'High dielectric strength for transformer filling (BDV above 60 kV).',
              'Long service life with low top-up consumption.',
            ],
            uses: ['air compressors', 'steam and gas turbines', 'distribution transformers', 'cold storages'],
          },
        ],
      },
    ],
  },
  {
    slug: 'safety-equipment',
    name: 'Safety Equipment',
    description: 'Personal protective equipment and fire safety products for workplaces.',
    sellerWords: ['Safety Solutions', 'Safety Products', 'Fire Safety', 'Safety Services', 'Enterprises'],
    subcategories: [
      {
        slug: 'safety-shoes',
        name: 'Safety Shoes & Gumboots',
        description: 'Steel toe shoes, boots and gumboots tested to IS 15298.',
        templates: [
          {
            kinds: ['Safety Shoes', 'Steel Toe Safety Boots', 'PVC Gumboots', 'Sports Type Safety Shoes'],
            specs: [
              {
                name: 'Upper',
                values: ['Buffalo Leather', 'Full Grain Leather*1.3', 'PVC*0.45', 'Mesh*1.1'],
                size: true,
              },
              { name: 'Toe Cap', values: ['Steel', 'Composite*1.3'] },
              { name: 'Sole', values: ['PU Single Density', 'PU Double Density*1.2', 'Nitrile Rubber*1.4'] },
              { name: 'Sizes', values: ['6 to 11', '5 to 12'] },
              {
                name: 'Standard',
                values: ['IS 15298', 'EN ISO 20345 S1P*1.2', 'EN ISO 20345 S3*1.3'],
                optional: true,
              },
            ],
            titles: ['{kind}, {Toe Cap} Toe', '{Upper} {kind}', '{kind} {Sole} Sole'],
            units: [['pair', [10, 25, 50], 1]],
            price: [420, 2600],
            features: [
              'Toe cap tested for 200 joule impact.',
              'Oil and slip-resistant sole with antistatic properties.',
              'Padded collar and cushioned insole for full-shift comfort.',
            ],
            uses: ['factories and warehouses', 'construction sites', 'steel plants', 'chemical plants'],
          },
        ],
      },
      {
        slug: 'safety-helmets-eyewear',
        name: 'Helmets, Goggles & Face Shields',
        description: 'Head, eye and face protection for industrial sites.',
        templates: [
          {
            kinds: ['Ratchet Safety Helmet', 'Industrial Safety Helmet', 'Ventilated Safety Helmet'],
            specs: [
              { name: 'Shell Material', values: ['HDPE', 'ABS*1.5', 'Fibreglass*2.5'], size: true },
              { name: 'Suspension', values: ['6-Point Ratchet', '4-Point Pin Lock*0.8'] },
              { name: 'Colour', values: ['Yellow', 'White', 'Blue', 'Red', 'Green'] },
              { name: 'Standard', values: ['IS 2925', 'EN 397'] },
              { name: 'Chin Strap', values: ['Included', 'Not Included'], optional: true },
            ],
            titles: ['{Shell Material} {kind}', '{kind}, {Colour}', '{kind} {Standard}'],
            units: [['piece', [20, 50, 100], 1]],
            price: [85, 650],
            features: [
              'Lightweight shell with a comfortable, adjustable fit.',
              'Company logo printing available on orders above 500 pieces.',
              'Sweatband is washable and replaceable.',
            ],
            uses: ['construction sites', 'factories and warehouses', 'mines', 'power plants'],
          },
          {
            kinds: [
              'Safety Goggles',
              'Safety Spectacles',
              'Face Shield with Visor',
              'Auto-Darkening Welding Helmet',
            ],
            specs: [
              {
                name: 'Lens',
                values: ['Clear Polycarbonate', 'Smoke Polycarbonate', 'Shade 9-13 Auto-Darkening*6'],
                size: true,
              },
              { name: 'Coating', values: ['Anti-Fog', 'Anti-Scratch', 'Anti-Fog and Anti-Scratch*1.2'] },
              { name: 'Standard', values: ['IS 5983', 'EN 166', 'ANSI Z87.1'] },
              { name: 'Frame', values: ['Wraparound', 'Indirect Vent', 'Headgear Mounted'], optional: true },
            ],
            titles: ['{kind}, {Lens} Lens', '{Coating} {kind}', '{kind} {Standard}'],
            units: [['piece', [20, 50, 100], 1]],
            price: [45, 380],
            features: [
              'Scratch-resistant lens with side protection.',
              'Blocks 99.9% of UV radiation.',
              'Fits over prescription glasses.',
            ],
            uses: ['grinding and welding shops', 'laboratories', 'chemical handling', 'machine shops'],
          },
        ],
      },
      {
        slug: 'safety-gloves',
        name: 'Safety Gloves',
        description: 'Cut-resistant, chemical, leather and coated work gloves.',
        templates: [
          {
            kinds: [
              'Cut Resistant Gloves',
              'Nitrile Coated Gloves',
              'PU Coated Gloves',
              'Cotton Knitted Gloves',
            ],
            specs: [
              {
                name: 'Protection Level',
                values: ['General Purpose', 'Cut Level A2*1.8', 'Cut Level A4*3', 'Cut Level A6*4.5'],
                size: true,
              },
              { name: 'Liner', values: ['Cotton', 'Polyester', 'HPPE*1.3', 'Nylon'] },
              { name: 'Gauge', values: ['10 Gauge', '13 Gauge', '15 Gauge*1.1'] },
              { name: 'Size', values: ['M', 'L', 'XL', 'Free Size'] },
              { name: 'Standard', values: ['EN 388'], optional: true },
            ],
            titles: ['{kind}, {Protection Level}', '{Protection Level} {kind}', '{Liner} {kind} {Size}'],
            units: [
              ['pair', [50, 100, 500], 1],
              ['dozen pairs', [5, 10, 25], 11.5],
            ],
            price: [14, 85],
            features: [
              'Good grip on oily and wet surfaces.',
              'Seamless knit liner keeps hands cool.',
              'Touch-screen friendly fingertips on coated versions.',
            ],
            uses: ['sheet metal handling', 'glass and auto plants', 'assembly lines', 'warehouses'],
          },
          {
            kinds: [
              'Leather Welding Gloves',
              'PVC Chemical Gloves',
              'Heat Resistant Gloves',
              'Rubber Electrical Gloves',
            ],
            specs: [
              { name: 'Length', values: ['12 inch', '14 inch', '16 inch', '18 inch'], size: true },
              { name: 'Material', values: ['Split Leather', 'PVC*0.6', 'Aramid*2.5', 'Natural Rubber*3'] },
              { name: 'Size', values: ['L', 'XL', 'Free Size'] },
              { name: 'Standard', values: ['EN 407', 'EN 374', 'IS 4770'] },
            ],
            titles: ['{kind}, {Length}', '{Material} {kind}', '{kind} {Length}, {Standard}'],
            units: [['pair', [25, 50, 100], 1]],
            price: [85, 420],
            features: [
              'Reinforced thumb crotch for longer life.',
              'Full cotton lining absorbs sweat.',
              'Every lot tested to the marked standard.',
            ],
            uses: [
              'welding and fabrication',
              'chemical handling',
              'foundries and forges',
              'electrical maintenance',
            ],
          },
        ],
      },
      {
        slug: 'fall-protection',
        name: 'Fall Protection',
        description: 'Full body harnesses, lanyards, fall arresters and lifelines.',
        templates: [
          {
            kinds: [
              'Full Body Safety Harness',
              'Double Lanyard Safety Belt',
              'Retractable Fall Arrester',
              'Horizontal Lifeline Kit',
            ],
            specs: [
              {
                name: 'Type',
                values: [
                  'Single Lanyard',
                  'Double Lanyard*1.3',
                  'With Shock Absorber*1.5',
                  'Retractable 6 m*3.5',
                ],
                size: true,
              },
              { name: 'Hook', values: ['Scaffold Hook', 'Snap Hook', 'Karabiner'] },
              { name: 'Webbing', values: ['Polyester', 'Nylon'] },
              { name: 'Standard', values: ['IS 3521', 'EN 361', 'EN 355'] },
            ],
            titles: ['{kind} {Type}', '{kind} with {Hook}', '{kind}, {Standard}'],
            units: [['piece', [5, 10, 25], 1]],
            price: [650, 7800],
            features: [
              'Forged and tested D-rings and buckles.',
              'Each piece drop-tested as per the standard before packing.',
              'Adjustable leg and chest straps fit most wearers.',
            ],
            uses: ['work at height', 'tower and telecom installation', 'scaffolding', 'ship building'],
          },
        ],
      },
      {
        slug: 'fire-extinguishers',
        name: 'Fire Extinguishers',
        description: 'ABC powder, CO2, foam and clean agent extinguishers with refills.',
        templates: [
          {
            kinds: [
              'ABC Dry Powder Fire Extinguisher',
              'CO2 Fire Extinguisher',
              'Mechanical Foam Fire Extinguisher',
              'Clean Agent Fire Extinguisher',
            ],
            specs: [
              {
                name: 'Capacity',
                values: [
                  '1 kg',
                  '2 kg',
                  '4 kg',
                  '6 kg',
                  '9 kg',
                  '22.5 kg (Trolley)*2.2',
                  '45 kg (Trolley)*3',
                ],
                size: true,
              },
              { name: 'Type', values: ['Stored Pressure', 'Cartridge Type*1.1'] },
              { name: 'Fire Class', values: ['A, B, C', 'B, C', 'A, B'] },
              { name: 'Standard', values: ['IS 15683', 'IS 2878', 'IS 16018'] },
              { name: 'Refill Interval', values: ['3 years', '1 year'], optional: true },
            ],
            titles: ['{kind} {Capacity}', '{Capacity} {kind}, {Standard}', '{kind}, {Type}'],
            units: [['piece', [2, 5, 10], 1]],
            price: [850, 9500],
            features: [
              'BIS-marked cylinder with pressure gauge and safety pin.',
              'Wall bracket and instruction label included.',
              'Annual maintenance and refilling services in the city.',
            ],
            uses: [
              'offices and shops',
              'factories and warehouses',
              'electrical rooms',
              'vehicles and kitchens',
            ],
          },
        ],
      },
      {
        slug: 'respiratory-protection',
        name: 'Respiratory Protection',
        description: 'Dust masks, half-face respirators and cartridges.',
        templates: [
          {
            kinds: ['Disposable Respirator Mask', 'Cup Type Dust Mask', 'Foldable Respirator Mask'],
            specs: [
              { name: 'Protection', values: ['FFP1', 'N95', 'FFP2*1.2', 'FFP3*1.6'], size: true },
              { name: 'Valve', values: ['With Exhalation Valve', 'Without Valve*0.9'] },
              { name: 'Standard', values: ['IS 9473', 'EN 149'] },
              { name: 'Straps', values: ['Head Straps', 'Ear Loops*0.8'], optional: true },
            ],
            titles: ['{Protection} {kind}', '{kind} {Valve}', '{kind}, {Protection}, {Standard}'],
            units: [
              ['piece', [50, 100, 500], 1],
              ['box of 20', [5, 10, 25], 18],
            ],
            price: [12, 95],
            features: [
              'Soft nose foam and adjustable nose clip for a tight seal.',
              'Low breathing resistance for long shifts.',
              'Individually packed for hygiene.',
            ],
            uses: ['grinding and dusty work', 'cement and construction', 'textile mills', 'pharma plants'],
          },
          {
            kinds: [
              'Half Face Respirator',
              'Full Face Respirator',
              'Organic Vapour Cartridge',
              'Particulate Filter Cartridge',
            ],
            specs: [
              {
                name: 'Type',
                values: [
                  'Cartridge',
                  'Single Cartridge Respirator*2',
                  'Twin Cartridge Respirator*3',
                  'Full Face Twin Cartridge*8',
                ],
                size: true,
              },
              { name: 'Facepiece', values: ['Silicone', 'Thermoplastic Elastomer*0.8'] },
              {
                name: 'Protects Against',
                values: ['Organic Vapours', 'Acid Gases', 'Dust and Mist', 'Ammonia'],
              },
              { name: 'Standard', values: ['EN 140', 'EN 136', 'EN 14387'] },
            ],
            titles: ['{kind} for {Protects Against}', '{Facepiece} {kind}', '{kind}, {Standard}'],
            units: [['piece', [5, 10, 25], 1]],
            price: [320, 1100],
            features: [
              'Replaceable cartridges for gas and vapour protection.',
              'Four-point head harness spreads the load evenly.',
              'Exhalation valve keeps the mask cool and dry.',
            ],
            uses: [
              'paint shops',
              'pharma and chemical plants',
              'agrochemical spraying',
              'effluent treatment plants',
            ],
          },
        ],
      },
      {
        slug: 'workwear-hivis',
        name: 'Workwear & Reflective Jackets',
        description: 'Coveralls, reflective jackets, aprons and rainwear.',
        templates: [
          {
            kinds: ['Reflective Safety Jacket', 'Cotton Coverall', 'FR Coverall', 'Boiler Suit'],
            specs: [
              {
                name: 'Fabric',
                values: [
                  'Polyester Mesh',
                  'Polyester Fabric*1.4',
                  '100% Cotton Drill*5',
                  'FR Treated Cotton*10',
                ],
                size: true,
              },
              { name: 'Colour', values: ['Fluorescent Orange', 'Fluorescent Green', 'Navy Blue', 'Khaki'] },
              { name: 'Size', values: ['M to XXL', 'Free Size', 'L to XXXL'] },
              { name: 'Reflective Tape', values: ['2 inch', '1 inch', 'None'] },
            ],
            titles: ['{kind}, {Colour}', '{Fabric} {kind}', '{kind} {Size}'],
            units: [['piece', [25, 50, 100], 1]],
            price: [65, 520],
            features: [
              'Company name or logo printed on the back on request.',
              'Double stitched seams for durability.',
              'Washable without losing reflectivity.',
            ],
            uses: [
              'road and metro construction',
              'traffic and parking staff',
              'plant maintenance crews',
              'refinery shutdowns',
            ],
          },
          {
            kinds: ['Leather Welding Apron', 'PVC Apron', 'PVC Rain Suit', 'Welding Sleeves'],
            specs: [
              { name: 'Material', values: ['PVC', 'PVC Coated Nylon*1.6', 'Split Leather*3.5'], size: true },
              { name: 'Length', values: ['24 inch', '36 inch', '42 inch'] },
              { name: 'Colour', values: ['Yellow', 'Navy Blue', 'Brown', 'Green'] },
              { name: 'Thickness', values: ['0.3 mm', '0.5 mm', '1.2 mm'], follows: true },
            ],
            titles: ['{Material} {kind}', '{kind}, {Length}', '{kind}, {Colour}'],
            units: [['piece', [25, 50, 100], 1]],
            price: [110, 260],
            features: [
              'Adjustable neck and waist straps.',
              'Resists sparks, splashes and light chemical exposure.',
              'Stitched with heat-resistant thread.',
            ],
            uses: [
              'welding bays',
              'food processing',
              'fish and meat handling',
              'outdoor crews in the monsoon',
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'hand-power-tools',
    name: 'Hand & Power Tools',
    description: 'Hand tools, power tools, abrasives, measuring instruments and welding machines.',
    sellerWords: ['Tools', 'Tools Corporation', 'Hardware & Tools', 'Machine Tools', 'Tool House'],
    subcategories: [
      {
        slug: 'spanners-wrenches',
        name: 'Spanners & Wrenches',
        description: 'Open-end, ring, combination spanners, pipe wrenches and socket sets.',
        templates: [
          {
            kinds: [
              'Double Open End Spanner Set',
              'Combination Spanner Set',
              'Ring Spanner Set',
              'Socket Set',
            ],
            specs: [
              {
                name: 'Size Range',
                values: ['6-17 mm (6 pcs)', '6-22 mm (8 pcs)', '6-32 mm (12 pcs)', '8-32 mm (25 pcs)'],
                size: true,
              },
              {
                name: 'Material',
                values: ['Chrome Vanadium Steel', 'Drop Forged Carbon Steel*0.7', 'Alloy Steel*0.9'],
              },
              { name: 'Finish', values: ['Satin Chrome', 'Mirror Polished*1.1', 'Phosphate Black*0.9'] },
              { name: 'Standard', values: ['IS 2028', 'DIN 3113', 'DIN 3110'], optional: true },
            ],
            titles: ['{kind} {Size Range}', '{Material} {kind}', '{kind}, {Finish}'],
            units: [['set', [5, 10, 25], 1]],
            price: [240, 4800],
            features: [
              'Drop forged and hardened for a precise, slip-free grip.',
              'Sizes marked clearly on both ends.',
              'Comes in a roll pouch or a blow-moulded case.',
            ],
            uses: ['maintenance workshops', 'automobile garages', 'plant shutdowns', 'tool cribs'],
          },
          {
            kinds: ['Pipe Wrench', 'Adjustable Wrench', 'Torque Wrench', 'Slogging Spanner'],
            specs: [
              {
                name: 'Length',
                values: ['8 inch', '10 inch', '12 inch', '14 inch', '18 inch', '24 inch', '36 inch'],
                size: true,
              },
              {
                name: 'Material',
                values: ['Drop Forged Steel', 'Chrome Vanadium*1.3', 'Aluminium Handle*1.8'],
              },
              {
                name: 'Jaw Opening',
                values: ['24 mm', '30 mm', '40 mm', '50 mm', '65 mm', '75 mm'],
                follows: true,
              },
              { name: 'Finish', values: ['Black Enamel', 'Chrome Plated*1.1'], optional: true },
            ],
            titles: ['{kind} {Length}', '{Material} {kind}, {Length}', '{Length} {kind}'],
            units: [['piece', [5, 10, 25], 1]],
            price: [280, 5200],
            features: [
              'Hardened jaws with deep teeth grip round stock firmly.',
              'Smooth worm adjustment that does not slip under load.',
              'I-beam handle for strength with less weight.',
            ],
            uses: [
              'plumbing and pipe fitting',
              'maintenance workshops',
              'plant shutdowns',
              'fabrication yards',
            ],
          },
        ],
      },
      {
        slug: 'pliers-cutters',
        name: 'Pliers & Cutters',
        description: 'Combination pliers, cutters, wire strippers and crimping tools.',
        templates: [
          {
            kinds: ['Combination Plier', 'Long Nose Plier', 'Side Cutter', 'Wire Stripper', 'Circlip Plier'],
            specs: [
              { name: 'Length', values: ['150 mm', '165 mm', '180 mm', '200 mm', '250 mm'], size: true },
              { name: 'Material', values: ['Carbon Steel', 'Chrome Vanadium*1.3', 'Forged Alloy Steel*1.2'] },
              { name: 'Handle', values: ['PVC Dipped', 'Insulated 1000 V*1.6', 'Dual Material*1.2'] },
              { name: 'Finish', values: ['Black Phosphate', 'Polished Head'], optional: true },
            ],
            titles: ['{kind} {Length}', '{Handle} {kind}', '{kind}, {Material}'],
            units: [
              ['piece', [10, 25, 50], 1],
              ['dozen', [1, 5], 11],
            ],
            price: [95, 620],
            features: [
              'Induction-hardened cutting edges stay sharp longer.',
              'Insulated versions tested at 10,000 V.',
              'Comfortable handles reduce hand fatigue.',
            ],
            uses: ['electricians', 'panel builders', 'maintenance teams', 'assembly lines'],
          },
          {
            kinds: ['Hydraulic Crimping Tool', 'Bolt Cutter', 'Cable Cutter', 'Ratchet Cable Cutter'],
            specs: [
              {
                name: 'Capacity',
                values: [
                  'Up to 16 sq mm',
                  'Up to 70 sq mm',
                  'Up to 120 sq mm',
                  'Up to 300 sq mm',
                  'Up to 400 sq mm',
                ],
                size: true,
              },
              { name: 'Length', values: ['300 mm', '450 mm', '600 mm', '900 mm'], follows: true },
              { name: 'Material', values: ['Forged Alloy Steel', 'Chrome Molybdenum*1.3'] },
              { name: 'In the Box', values: ['Carry Case', 'Die Set and Carry Case*1.3'], optional: true },
            ],
            titles: ['{kind} {Capacity}', '{kind} {Length}', '{kind}, {Capacity}'],
            units: [['piece', [1, 2, 5], 1]],
            price: [1200, 9800],
            features: [
              'Hardened jaws cut cleanly without crushing the conductor.',
              'Hexagonal dies for copper and aluminium lugs.',
              'Spring-loaded handles return on their own.',
            ],
            uses: [
              'cable jointing crews',
              'substation work',
              'fencing and construction',
              'maintenance departments',
            ],
          },
        ],
      },
      {
        slug: 'angle-grinders-drills',
        name: 'Grinders & Drill Machines',
        description: 'Angle grinders, impact drills, rotary hammers and magnetic drills.',
        templates: [
          {
            kinds: ['Angle Grinder', 'Heavy Duty Angle Grinder', 'Straight Die Grinder'],
            specs: [
              {
                name: 'Power',
                values: ['720 W', '850 W', '1050 W', '1400 W', '2000 W', '2400 W'],
                size: true,
              },
              {
                name: 'Disc Size',
                values: ['100 mm', '115 mm', '125 mm', '150 mm', '180 mm', '230 mm'],
                follows: true,
              },
              {
                name: 'No Load Speed',
                values: ['11000 RPM', '10000 RPM', '8500 RPM', '6600 RPM'],
                follows: true,
              },
              { name: 'Supply', values: ['230 V Corded', '18 V Cordless*1.6'] },
              {
                name: 'In the Box',
                values: ['Side Handle and Spanner', 'Guard, Handle and Carbon Brushes'],
                optional: true,
              },
            ],
            titles: ['{kind} {Power}', '{Disc Size} {kind}, {Power}', '{Supply} {kind} {Disc Size}'],
            units: [['piece', [1, 5, 10], 1]],
            price: [1650, 9800],
            features: [
              'Ball-bearing motor with copper armature for long duty.',
              'Spindle lock for quick disc change.',
              'Service centres and spare parts available across India.',
            ],
            uses: [
              'fabrication shops',
              'weld finishing',
              'maintenance departments',
              'steel structure erection',
            ],
            warranty: true,
          },
          {
            kinds: [
              'Impact Drill Machine',
              'Rotary Hammer Drill',
              'Magnetic Drill Machine',
              'Bench Drill Machine',
            ],
            specs: [
              { name: 'Power', values: ['550 W', '750 W', '900 W', '1150 W', '1600 W'], size: true },
              {
                name: 'Drilling Capacity',
                values: [
                  '13 mm in Steel',
                  '20 mm in Concrete',
                  '26 mm in Concrete',
                  '32 mm Core in Steel',
                  '50 mm Core in Steel',
                ],
                follows: true,
              },
              { name: 'Chuck', values: ['13 mm Keyed', 'SDS Plus', 'Weldon Shank'] },
              { name: 'Supply', values: ['230 V Corded', '18 V Cordless*1.5'] },
            ],
            titles: ['{kind} {Power}', '{kind}, {Drilling Capacity}', '{Supply} {kind}'],
            units: [['piece', [1, 5, 10], 1]],
            price: [1900, 46000],
            features: [
              'Variable speed trigger with forward and reverse.',
              'Depth stop and side handle supplied.',
              'Service centres and spare parts available across India.',
            ],
            uses: [
              'construction and interiors',
              'fabrication shops',
              'electrical and plumbing contractors',
              'steel structure erection',
            ],
            warranty: true,
          },
        ],
      },
      {
        slug: 'abrasives-cutting-wheels',
        name: 'Abrasives & Cutting Wheels',
        description: 'Cut-off wheels, grinding wheels, flap discs and coated abrasives.',
        templates: [
          {
            kinds: ['Cut-Off Wheel', 'Depressed Centre Grinding Wheel', 'Flap Disc', 'Chop Saw Wheel'],
            specs: [
              {
                name: 'Diameter',
                values: ['100 mm (4")', '125 mm (5")', '180 mm (7")', '355 mm (14")'],
                size: true,
              },
              { name: 'Thickness', values: ['1 mm', '1.6 mm', '3 mm', '6 mm'] },
              { name: 'Grit', values: ['A24', 'A36', 'A46', 'P60', 'P80', 'P120'] },
              {
                name: 'Suitable for',
                values: ['Mild Steel', 'Stainless Steel*1.2', 'Metal and Inox', 'Stone'],
              },
            ],
            titles: [
              '{kind} {Diameter} x {Thickness}',
              '{Diameter} {kind} for {Suitable for}',
              '{kind}, Grit {Grit}',
            ],
            units: [
              ['box of 25', [1, 4, 10], 1],
              ['piece', [50, 100], 0.045],
            ],
            price: [360, 5200],
            features: [
              'Fibreglass reinforced for safety at 80 m/s.',
              'Fast, cool cutting with minimum burr.',
              'Expiry date printed on every wheel.',
            ],
            uses: [
              'steel fabrication',
              'pipe and rod cutting',
              'weld grinding',
              'shipyards and structural work',
            ],
          },
        ],
      },
      {
        slug: 'measuring-instruments',
        name: 'Measuring Instruments',
        description: 'Vernier calipers, micrometers, dial gauges and measuring tapes.',
        templates: [
          {
            kinds: ['Vernier Caliper', 'Digital Vernier Caliper', 'Dial Caliper', 'Vernier Height Gauge'],
            specs: [
              { name: 'Range', values: ['0-150 mm', '0-200 mm', '0-300 mm', '0-600 mm'], size: true },
              { name: 'Least Count', values: ['0.01 mm', '0.02 mm'] },
              { name: 'Material', values: ['Hardened Stainless Steel', 'Carbon Steel*0.7'] },
              {
                name: 'Calibration',
                values: ['With NABL Calibration Certificate*1.2', 'Factory Calibrated'],
              },
            ],
            titles: ['{kind} {Range}', '{kind} {Range}, LC {Least Count}', '{Material} {kind}'],
            units: [['piece', [1, 5, 10], 1]],
            price: [480, 16000],
            features: [
              'Satin chrome scales with clear, etched graduations.',
              'Supplied in a fitted wooden or plastic case.',
              'Traceable calibration to national standards.',
            ],
            uses: ['quality control rooms', 'machine shops', 'tool rooms', 'incoming inspection'],
          },
          {
            kinds: ['Outside Micrometer', 'Digital Micrometer', 'Dial Indicator', 'Bore Gauge'],
            specs: [
              {
                name: 'Range',
                values: ['0-10 mm', '0-25 mm', '25-50 mm', '50-75 mm', '75-100 mm'],
                size: true,
              },
              { name: 'Least Count', values: ['0.01 mm', '0.001 mm*1.8'] },
              { name: 'Anvil', values: ['Carbide Tipped', 'Hardened Steel*0.8'] },
              {
                name: 'Calibration',
                values: ['With NABL Calibration Certificate*1.2', 'Factory Calibrated'],
              },
            ],
            titles: ['{kind} {Range}', '{kind} {Range}, LC {Least Count}', '{Anvil} {kind}'],
            units: [['piece', [1, 5, 10], 1]],
            price: [650, 9500],
            features: [
              'Ratchet stop gives a constant measuring force.',
              'Lapped measuring faces for accurate readings.',
              'Traceable calibration to national standards.',
            ],
            uses: ['quality control rooms', 'machine shops', 'tool rooms', 'bearing and shaft inspection'],
          },
        ],
      },
      {
        slug: 'welding-machines',
        name: 'Welding Machines',
        description: 'ARC, MIG, TIG inverter welders and spot welding machines.',
        templates: [
          {
            kinds: [
              'ARC Inverter Welding Machine',
              'MIG Welding Machine',
              'TIG Welding Machine',
              'Plasma Cutting Machine',
            ],
            specs: [
              {
                name: 'Current',
                values: ['160 A', '200 A', '250 A', '315 A', '400 A', '500 A', '630 A'],
                size: true,
              },
              { name: 'Input', values: ['Single Phase 230 V', 'Three Phase 415 V*1.1'] },
              { name: 'Duty Cycle', values: ['35%', '60%*1.2', '100%*1.5'] },
              {
                name: 'Technology',
                values: ['IGBT Inverter', 'MOSFET Inverter*0.9', 'Transformer Based*1.3'],
              },
              {
                name: 'Electrode Size',
                values: ['2.5 to 4 mm', '2.5 to 5 mm', '2.5 to 6 mm'],
                optional: true,
              },
            ],
            titles: ['{kind} {Current}', '{Current} {kind}, {Input}', '{Technology} {kind}'],
            units: [['piece', [1, 2, 5], 1]],
            price: [7500, 240000],
            features: [
              'Hot start and arc force control for easy striking.',
              'Protected against over-current, over-heating and input voltage swings.',
              'Earth clamp, electrode holder and cables included.',
            ],
            uses: [
              'fabrication and structural welding',
              'pipeline work',
              'maintenance shops',
              'sheet metal and auto body work',
            ],
            warranty: true,
            priceOnRequest: 0.1,
          },
        ],
      },
    ],
  },
  {
    slug: 'packaging',
    name: 'Packaging Machines & Material',
    description: 'Sealing, filling and wrapping machines with films, tapes, boxes and strapping.',
    sellerWords: ['Packaging', 'Pack Systems', 'Packaging Industries', 'Polymers', 'Packers'],
    subcategories: [
      {
        slug: 'sealing-machines',
        name: 'Sealing & Strapping Machines',
        description: 'Band sealers, carton sealers, vacuum sealers and strapping machines.',
        templates: [
          {
            kinds: [
              'Continuous Band Sealer',
              'Carton Sealing Machine',
              'Vacuum Packing Machine',
              'Semi-Automatic Strapping Machine',
              'Induction Cap Sealer',
            ],
            specs: [
              {
                name: 'Speed',
                values: ['5 m/min', '10 m/min', '15 pcs/min', '25 pcs/min', '40 pcs/min'],
                size: true,
              },
              { name: 'Operation', values: ['Manual Feed', 'Semi-Automatic*1.3', 'Automatic*2.2'] },
              { name: 'Body', values: ['Mild Steel Powder Coated', 'SS 304*1.4'] },
              { name: 'Power', values: ['0.5 kW', '1 kW', '2 kW'] },
              { name: 'Seal Width', values: ['10 mm', '12 mm', '15 mm'], optional: true },
            ],
            titles: ['{kind}', '{Operation} {kind}, {Speed}', '{Body} {kind}'],
            units: [['piece', [1], 1]],
            price: [6500, 380000],
            features: [
              'Digital temperature controller for consistent seals.',
              'Adjustable conveyor height for different pack sizes.',
              'Installation and operator training at your site.',
            ],
            uses: [
              'food and snack packaging',
              'pharma and cosmetics',
              'e-commerce dispatch',
              'hardware and spares packing',
            ],
            warranty: true,
            priceOnRequest: 0.12,
          },
        ],
      },
      {
        slug: 'filling-ffs-machines',
        name: 'Filling & FFS Machines',
        description: 'Form-fill-seal pouch machines, liquid and powder fillers.',
        templates: [
          {
            kinds: [
              'Automatic Pouch Packing Machine',
              'Collar Type FFS Machine',
              'Liquid Filling Machine',
              'Auger Powder Filling Machine',
              'Multihead Weigher Packing Machine',
            ],
            specs: [
              {
                name: 'Output',
                values: ['20 packs/min', '40 packs/min', '60 packs/min', '80 packs/min', '120 packs/min'],
                size: true,
              },
              { name: 'Fill Range', values: ['5-50 g', '50-500 g', '100-1000 ml', '1-5 kg'] },
              { name: 'Contact Parts', values: ['SS 304', 'SS 316*1.2'] },
              { name: 'Control', values: ['PLC with HMI', 'Microcontroller*0.8'] },
              {
                name: 'Pouch Type',
                values: ['Centre Seal', 'Three Side Seal', 'Pillow Pouch'],
                optional: true,
              },
            ],
            titles: ['{kind} {Output}', '{kind} for {Fill Range}', '{kind}, {Control}'],
            units: [['piece', [1], 1]],
            price: [145000, 2400000],
            features: [
              'Servo-driven film pulling for accurate pouch length.',
              'Photocell registration for printed laminate.',
              'Change parts for other pack sizes can be added later.',
            ],
            uses: [
              'namkeen and snacks',
              'spices and masala',
              'edible oil and ghee',
              'detergent and chemicals',
            ],
            warranty: true,
            priceOnRequest: 0.35,
          },
        ],
      },
      {
        slug: 'stretch-shrink-films',
        name: 'Stretch & Shrink Films',
        description: 'LLDPE stretch films and POF, PVC and LDPE shrink films.',
        templates: [
          {
            kinds: ['Stretch Wrap Film', 'Machine Grade Stretch Film', 'POF Shrink Film', 'LDPE Shrink Film'],
            specs: [
              {
                name: 'Thickness',
                values: ['12 micron', '15 micron', '20 micron', '23 micron', '25 micron', '50 micron'],
                size: true,
              },
              { name: 'Width', values: ['250 mm', '450 mm', '500 mm', '750 mm'] },
              { name: 'Roll Weight', values: ['3 kg', '5 kg', '15 kg', '25 kg'] },
              { name: 'Material', values: ['LLDPE', 'POF*1.6', 'LDPE*0.9'] },
              { name: 'Colour', values: ['Transparent', 'Black', 'Blue Tint'], optional: true },
            ],
            titles: [
              '{kind} {Thickness} x {Width}',
              '{Material} {kind}, {Roll Weight} Roll',
              '{Thickness} {kind}',
            ],
            units: [
              ['kg', [50, 100, 500], 1],
              ['roll', [10, 20, 50], 4.6],
            ],
            price: [150, 230],
            features: [
              'Cast film with high cling and puncture resistance.',
              'Pre-stretch up to 250% on machine grade rolls.',
              'Consistent core and winding for smooth unwinding.',
            ],
            uses: [
              'pallet wrapping',
              'furniture and appliance packing',
              'bottle and carton bundling',
              'warehouse dispatch',
            ],
          },
        ],
      },
      {
        slug: 'packaging-tapes',
        name: 'Packaging Tapes',
        description: 'BOPP, printed, masking and double-sided tapes.',
        templates: [
          {
            kinds: [
              'BOPP Packaging Tape',
              'Printed BOPP Tape',
              'Masking Tape',
              'Double Sided Tissue Tape',
              'Cloth Duct Tape',
            ],
            specs: [
              { name: 'Width', values: ['24 mm', '36 mm', '48 mm', '72 mm'], size: true },
              { name: 'Length', values: ['50 m', '65 m', '100 m', '300 m'] },
              { name: 'Thickness', values: ['40 micron', '45 micron', '50 micron'] },
              { name: 'Colour', values: ['Transparent', 'Brown', 'Printed*1.4', 'Red'] },
              {
                name: 'Adhesive',
                values: ['Water Based Acrylic', 'Hot Melt*1.2', 'Rubber Based*1.3'],
                optional: true,
              },
            ],
            titles: ['{kind} {Width} x {Length}', '{Colour} {kind} {Width}', '{kind}, {Thickness}'],
            units: [
              ['box of 72 rolls', [1, 5, 10], 1],
              ['roll', [72, 144], 0.015],
            ],
            price: [1150, 4800],
            features: [
              'Strong adhesion on recycled cartons.',
              'Logo printing in up to three colours.',
              'Quiet-unwind rolls for dispensers.',
            ],
            uses: [
              'carton sealing',
              'e-commerce and courier',
              'painting and masking',
              'general office and store use',
            ],
          },
        ],
      },
      {
        slug: 'corrugated-boxes',
        name: 'Corrugated Boxes & Sheets',
        description: 'Printed and plain 3, 5 and 7 ply corrugated boxes and rolls.',
        templates: [
          {
            kinds: [
              'Corrugated Box',
              'Printed Corrugated Box',
              'Die Cut Corrugated Box',
              'Export Quality Carton',
            ],
            specs: [
              { name: 'Ply', values: ['3 Ply', '5 Ply*1.6', '7 Ply*2.3'], size: true },
              {
                name: 'Size (L x W x H)',
                values: [
                  '6 x 4 x 4 inch',
                  '10 x 8 x 6 inch',
                  '12 x 10 x 8 inch',
                  '18 x 12 x 12 inch',
                  '24 x 18 x 18 inch',
                ],
              },
              { name: 'Bursting Strength', values: ['8 kg/cm2', '12 kg/cm2', '16 kg/cm2', '20 kg/cm2'] },
              { name: 'Printing', values: ['Plain', '1 Colour*1.1', '2 Colour*1.2', 'Offset Laminated*1.8'] },
            ],
            titles: [
              '{Ply} {kind} {Size (L x W x H)}',
              '{kind}, {Ply}, {Printing}',
              '{Size (L x W x H)} {kind}',
            ],
            units: [['piece', [500, 1000, 5000], 1]],
            price: [9, 95],
            features: [
              'Kraft liner of 120-150 GSM for good compression strength.',
              'Made to your size and print design.',
              'Bundled and stretch-wrapped for clean delivery.',
            ],
            uses: [
              'FMCG and food packing',
              'auto parts and hardware',
              'e-commerce shipping',
              'export cartons',
            ],
          },
        ],
      },
      {
        slug: 'strapping-bubble-wrap',
        name: 'Strapping, Bubble Wrap & Liners',
        description: 'PP and PET straps, air bubble rolls, foam and liners.',
        templates: [
          {
            kinds: ['PP Box Strapping Roll', 'PET Strap', 'Printed PP Strap'],
            specs: [
              { name: 'Width', values: ['9 mm', '12 mm', '15 mm', '16 mm', '19 mm'], size: true },
              { name: 'Thickness', values: ['0.6 mm', '0.8 mm', '1 mm'] },
              { name: 'Roll Length', values: ['500 m', '1000 m', '2000 m'] },
              { name: 'Colour', values: ['Transparent', 'White', 'Blue', 'Green', 'Black'], optional: true },
            ],
            titles: ['{kind} {Width}', '{kind}, {Width} x {Thickness}', '{Colour} {kind} {Width}'],
            units: [
              ['kg', [25, 100, 500], 1],
              ['roll', [10, 25, 50], 9],
            ],
            price: [120, 210],
            features: [
              'Virgin material with consistent width and thickness.',
              'High break strength suited to manual and machine strapping.',
              'Embossed surface for a firm grip in the sealer.',
            ],
            uses: [
              'carton and bundle strapping',
              'steel and pipe bundles',
              'textile bales',
              'brick and tile pallets',
            ],
          },
          {
            kinds: ['Air Bubble Roll', 'EPE Foam Roll', 'Aluminium Foil Bubble Insulation'],
            specs: [
              { name: 'Width', values: ['500 mm', '1000 mm', '1200 mm', '1500 mm'], size: true },
              { name: 'Thickness / GSM', values: ['40 GSM', '55 GSM', '80 GSM', '1 mm', '2 mm', '5 mm'] },
              { name: 'Roll Length', values: ['50 m', '100 m', '200 m'] },
              { name: 'Colour', values: ['Transparent', 'White', 'Pink Anti-Static*1.3'], optional: true },
            ],
            titles: ['{kind} {Width}', '{kind}, {Width} x {Roll Length}', '{kind} {Thickness / GSM}'],
            units: [
              ['roll', [5, 10, 25], 1],
              ['kg', [50, 100], 0.12],
            ],
            price: [650, 2600],
            features: [
              'Uniform bubbles that keep their cushioning in transit.',
              'Custom widths and printing on request.',
              'Light weight keeps courier charges down.',
            ],
            uses: [
              'glass and electronics packing',
              'furniture transit',
              'e-commerce dispatch',
              'appliance packing',
            ],
          },
        ],
      },
    ],
  },
]

import type { TopCategoryDef } from './catalogue-types.ts'

const pipeSizes = ['1/2"', '3/4"', '1"', '1 1/4"', '1 1/2"', '2"', '2 1/2"', '3"', '4"', '6"', '8"']
const flangedSizes = [
  'DN 15',
  'DN 25',
  'DN 40',
  'DN 50',
  'DN 65',
  'DN 80',
  'DN 100',
  'DN 150',
  'DN 200',
  'DN 250',
]
const valveBodies = [
  'Cast Iron',
  'Cast Steel WCB*1.5',
  'SS 304 CF8*2.2',
  'SS 316 CF8M*2.6',
  'Ductile Iron*1.2',
]

export const mechanicalCategories: readonly TopCategoryDef[] = [
  {
    slug: 'pumps',
    name: 'Pumps',
    description: 'Water, process, slurry and transfer pumps for factories, farms, buildings and utilities.',
    sellerWords: [
      'Pumps',
      'Hydraulics',
      'Pump Industries',
      'Aqua Engineers',
      'Flow Systems',
      'Engineering Works',
    ],
    subcategories: [
      {
        slug: 'centrifugal-monoblock-pumps',
        name: 'Centrifugal & Monoblock Pumps',
        description:
          'End-suction, monoblock and self-priming pumps for clean water transfer and circulation.',
        templates: [
          {
            kinds: [
              'Centrifugal Monoblock Pump',
              'Self-Priming Monoblock Pump',
              'End Suction Centrifugal Pump',
            ],
            specs: [
              {
                name: 'Power',
                values: ['0.5 HP', '1 HP', '1.5 HP', '2 HP', '3 HP', '5 HP', '7.5 HP', '10 HP', '15 HP'],
                size: true,
              },
              {
                name: 'Flow Rate',
                values: ['60 LPM', '120 LPM', '250 LPM', '400 LPM', '600 LPM', '900 LPM', '1200 LPM'],
                follows: true,
              },
              { name: 'Head', values: ['12 m', '18 m', '24 m', '32 m', '40 m', '55 m'], follows: true },
              { name: 'Phase', values: ['Single Phase', 'Three Phase'], follows: true },
              {
                name: 'Body Material',
                values: ['Cast Iron', 'SS 304*1.6', 'SS 316*1.9', 'Bronze Impeller, CI Body*1.2'],
                optional: true,
              },
              {
                name: 'Suction x Delivery',
                values: ['25 x 25 mm', '40 x 40 mm', '50 x 50 mm', '65 x 50 mm', '80 x 65 mm'],
                optional: true,
                follows: true,
              },
            ],
            titles: ['{Power} {kind}', '{kind}, {Power}, {Phase}', '{Body Material} {kind} {Power}'],
            units: [['piece', [1, 2, 5], 1]],
            price: [4200, 78000],
            features: [
              'The impeller is dynamically balanced for quiet, vibration-free running.',
              'Mechanical seal of carbon and ceramic keeps the shaft leak-free.',
              'Class F insulated motor with thermal overload protection.',
              'Every pump is performance-tested on our in-house test bed before dispatch.',
              'Back pull-out design makes impeller and seal replacement quick.',
            ],
            uses: [
              'water supply in apartments and hotels',
              'cooling tower circulation',
              'farm irrigation',
              'transfer of clean water in process plants',
            ],
            warranty: true,
          },
        ],
      },
      {
        slug: 'submersible-pumps',
        name: 'Submersible Pumps',
        description: 'Borewell and open-well submersible pumpsets for agriculture, housing and industry.',
        templates: [
          {
            kinds: [
              'V4 Borewell Submersible Pump',
              'V6 Borewell Submersible Pump',
              'Openwell Submersible Pump',
            ],
            specs: [
              {
                name: 'Power',
                values: [
                  '0.5 HP',
                  '1 HP',
                  '1.5 HP',
                  '2 HP',
                  '3 HP',
                  '5 HP',
                  '7.5 HP',
                  '10 HP',
                  '15 HP',
                  '20 HP',
                ],
                size: true,
              },
              { name: 'Stages', values: ['7', '10', '12', '15', '18', '22', '26'], follows: true },
              { name: 'Head', values: ['40 m', '60 m', '90 m', '120 m', '150 m', '200 m'], follows: true },
              { name: 'Phase', values: ['Single Phase', 'Three Phase'], follows: true },
              {
                name: 'Outlet Size',
                values: ['1 1/4"', '1 1/2"', '2"', '2 1/2"', '3"'],
                optional: true,
                follows: true,
              },
              {
                name: 'Pump Material',
                values: ['Thermoplastic Impellers', 'SS 304 Stampings*1.4', 'Cast Iron Bowls'],
                optional: true,
              },
            ],
            titles: ['{Power} {kind}', '{kind} {Power} {Stages} Stage', '{Phase} {kind}, {Power}'],
            units: [
              ['piece', [1, 2, 5], 1],
              ['set', [1, 2], 1.15],
            ],
            price: [6200, 165000],
            features: [
              'Water-filled rewindable motor with PVC-insulated copper winding.',
              'Stainless steel shaft and coupling resist corrosion in hard borewell water.',
              'Sand-fighting design tolerates up to 100 g/m3 of suspended solids.',
              'Built-in non-return valve protects the pump from water hammer.',
            ],
            uses: [
              'agricultural borewells',
              'domestic and apartment water supply',
              'dewatering of open wells',
              'municipal drinking water schemes',
            ],
            warranty: true,
          },
        ],
      },
      {
        slug: 'chemical-process-pumps',
        name: 'Chemical Process Pumps',
        description: 'Corrosion-resistant pumps for acids, alkalis, solvents and effluents.',
        templates: [
          {
            kinds: [
              'Chemical Process Pump',
              'Magnetic Drive Pump',
              'Vertical Glandless Pump',
              'Polypropylene Acid Transfer Pump',
            ],
            specs: [
              {
                name: 'Power',
                values: ['1 HP', '2 HP', '3 HP', '5 HP', '7.5 HP', '10 HP', '15 HP', '20 HP'],
                size: true,
              },
              {
                name: 'Material of Construction',
                values: ['SS 316', 'Polypropylene*0.7', 'PVDF*1.5', 'Alloy 20*2.1', 'CD4MCu*2.4'],
              },
              {
                name: 'Capacity',
                values: ['2 m3/hr', '5 m3/hr', '10 m3/hr', '20 m3/hr', '40 m3/hr', '80 m3/hr'],
                follows: true,
              },
              {
                name: 'Sealing',
                values: [
                  'Single Mechanical Seal',
                  'Double Mechanical Seal*1.2',
                  'Gland Packing*0.9',
                  'Sealless (Magnetic)*1.3',
                ],
              },
              { name: 'Max Temperature', values: ['80 °C', '120 °C', '180 °C'], optional: true },
            ],
            titles: [
              '{Material of Construction} {kind}',
              '{kind} {Power}, {Material of Construction}',
              '{kind}, {Capacity}',
            ],
            units: [['piece', [1, 2], 1]],
            price: [28000, 420000],
            features: [
              'Wetted parts are chosen to suit the liquid; send us the chemical and concentration.',
              'Open impeller handles liquids with fine suspended solids.',
              'Casing is hydrostatically tested at 1.5 times the working pressure.',
              'Material test certificates for all wetted parts are supplied with the pump.',
            ],
            uses: [
              'acid and alkali transfer',
              'effluent treatment plants',
              'pharma and dye intermediates',
              'electroplating lines',
            ],
            warranty: true,
            priceOnRequest: 0.2,
          },
        ],
      },
      {
        slug: 'slurry-dewatering-pumps',
        name: 'Slurry & Dewatering Pumps',
        description: 'Heavy-duty pumps for sludge, slurry, sewage and construction dewatering.',
        templates: [
          {
            kinds: [
              'Horizontal Slurry Pump',
              'Submersible Dewatering Pump',
              'Non-Clog Sewage Pump',
              'Vertical Sump Pump',
            ],
            specs: [
              {
                name: 'Power',
                values: ['2 HP', '3 HP', '5 HP', '7.5 HP', '10 HP', '15 HP', '25 HP', '40 HP'],
                size: true,
              },
              {
                name: 'Solid Handling',
                values: ['10 mm', '25 mm', '40 mm', '60 mm', '75 mm'],
                follows: true,
              },
              { name: 'Discharge', values: ['50 mm', '80 mm', '100 mm', '150 mm'], follows: true },
              {
                name: 'Impeller',
                values: ['High Chrome*1.4', 'Cast Iron', 'Rubber Lined*1.2', 'SS 304*1.5'],
              },
              { name: 'Phase', values: ['Three Phase'], optional: true, follows: true },
            ],
            titles: ['{kind} {Power}', '{Power} {kind}, {Solid Handling} Solids', '{Impeller} {kind}'],
            units: [['piece', [1, 2], 1]],
            price: [18000, 380000],
            features: [
              'Wear parts are replaceable without removing the pump from the pipeline.',
              'Thick-section casing gives long life on abrasive slurry.',
              'Double mechanical seal in an oil chamber protects the motor.',
            ],
            uses: [
              'mining and mineral processing',
              'construction site dewatering',
              'sewage lifting stations',
              'ceramic and cement slurry',
            ],
            warranty: true,
            priceOnRequest: 0.15,
          },
        ],
      },
      {
        slug: 'gear-screw-pumps',
        name: 'Gear & Screw Pumps',
        description: 'Positive displacement pumps for oils, fuels, resins and other viscous liquids.',
        templates: [
          {
            kinds: ['Rotary Gear Pump', 'Internal Gear Pump', 'Twin Screw Pump', 'Fuel Oil Transfer Pump'],
            specs: [
              {
                name: 'Flow Rate',
                values: ['500 LPH', '1000 LPH', '2000 LPH', '5000 LPH', '10000 LPH', '20000 LPH'],
                size: true,
              },
              { name: 'Port Size', values: ['1/2"', '3/4"', '1"', '1 1/2"', '2"', '3"'], follows: true },
              { name: 'Body', values: ['Cast Iron', 'SS 304*1.8', 'SS 316*2.1'] },
              {
                name: 'Viscosity Range',
                values: ['Up to 1,000 cSt', 'Up to 10,000 cSt', 'Up to 50,000 cSt'],
              },
              { name: 'Relief Valve', values: ['Built-in', 'External'], optional: true },
            ],
            titles: [
              '{kind} {Flow Rate}',
              '{Body} {kind}, {Port Size} Port',
              '{kind} for Viscous Liquids, {Flow Rate}',
            ],
            units: [['piece', [1, 2, 5], 1]],
            price: [8500, 135000],
            features: [
              'Hardened and ground gears on anti-friction bearings run quietly for long hours.',
              'Jacketed body available for heated liquids like bitumen and wax.',
              'Self-priming, with steady flow regardless of discharge pressure.',
            ],
            uses: [
              'furnace oil and diesel transfer',
              'lube oil circulation',
              'resin, molasses and syrup handling',
              'paint and ink plants',
            ],
            warranty: true,
          },
        ],
      },
      {
        slug: 'barrel-hand-pumps',
        name: 'Barrel & Hand Pumps',
        description: 'Manual and motorised pumps for emptying drums and barrels safely.',
        templates: [
          {
            kinds: [
              'Hand Operated Rotary Barrel Pump',
              'Electric Drum Pump',
              'Piston Type Hand Pump',
              'Pneumatic Grease Pump',
            ],
            specs: [
              { name: 'Discharge per Stroke', values: ['0.1 L', '0.25 L', '0.5 L', '1 L'], size: true },
              { name: 'Body', values: ['Cast Iron', 'Aluminium*1.1', 'Polypropylene*1.3', 'SS 316*3'] },
              {
                name: 'Suitable Liquid',
                values: ['Diesel and Oils', 'Acids and Chemicals', 'Lubricants', 'Water and Coolants'],
              },
              { name: 'Suction Tube Length', values: ['700 mm', '1000 mm', '1200 mm'] },
            ],
            titles: ['{kind}', '{Body} {kind}', '{kind} for {Suitable Liquid}'],
            units: [['piece', [1, 5, 10], 1]],
            price: [950, 24000],
            features: [
              'Telescopic suction tube fits 200 litre drums of all makes.',
              'Comes with a bung adaptor and a delivery hose.',
              'Light enough to carry from one drum to the next.',
            ],
            uses: ['workshops and garages', 'chemical stores', 'oil depots', 'maintenance departments'],
          },
        ],
      },
      {
        slug: 'dosing-metering-pumps',
        name: 'Dosing & Metering Pumps',
        description: 'Accurate dosing of chemicals in water treatment, boilers and process lines.',
        templates: [
          {
            kinds: [
              'Electronic Dosing Pump',
              'Motor Driven Plunger Metering Pump',
              'Diaphragm Metering Pump',
            ],
            specs: [
              {
                name: 'Capacity',
                values: ['2 LPH', '6 LPH', '10 LPH', '20 LPH', '50 LPH', '100 LPH', '250 LPH'],
                size: true,
              },
              { name: 'Max Pressure', values: ['5 bar', '10 bar', '16 bar', '40 bar'] },
              { name: 'Liquid End', values: ['PP', 'PVDF*1.3', 'SS 316*1.8'] },
              {
                name: 'Control',
                values: ['Manual Stroke Adjustment', '4-20 mA Input*1.3', 'Pulse Input*1.2'],
              },
              { name: 'Power Supply', values: ['230 V AC', '415 V AC'], optional: true },
            ],
            titles: ['{kind} {Capacity}', '{kind}, {Capacity} at {Max Pressure}', '{Liquid End} {kind}'],
            units: [['piece', [1, 2, 5], 1]],
            price: [7500, 165000],
            features: [
              'Dosing accuracy within plus or minus 2% over the turndown range.',
              'Suction lance, foot valve and injection valve included.',
              'Stroke length adjustable while the pump is running.',
            ],
            uses: [
              'RO and water treatment plants',
              'boiler feed chemical dosing',
              'swimming pool chlorination',
              'cooling tower treatment',
            ],
            warranty: true,
          },
        ],
      },
      {
        slug: 'pressure-booster-pumps',
        name: 'Pressure Booster Systems',
        description: 'Hydropneumatic and vertical multistage systems for steady water pressure.',
        templates: [
          {
            kinds: [
              'Vertical Multistage Pump',
              'Hydropneumatic Pressure Booster System',
              'Domestic Pressure Booster Pump',
            ],
            specs: [
              {
                name: 'Power',
                values: ['0.5 HP', '1 HP', '2 HP', '3 HP', '5 HP', '7.5 HP', '10 HP'],
                size: true,
              },
              {
                name: 'Pressure Tank',
                values: ['None', '24 L*1.1', '60 L*1.2', '100 L*1.3', '300 L*1.6'],
                follows: true,
              },
              { name: 'Number of Pumps', values: ['1', '2 (1 working + 1 standby)*1.8', '3*2.5'] },
              { name: 'Wetted Parts', values: ['SS 304', 'SS 316*1.3'] },
              { name: 'Control', values: ['Pressure Switch', 'VFD Panel*1.4'], optional: true },
            ],
            titles: ['{kind} {Power}', '{kind} with {Pressure Tank} Tank', '{Power} {kind}, {Wetted Parts}'],
            units: [
              ['set', [1], 1],
              ['piece', [1, 2], 0.8],
            ],
            price: [9500, 240000],
            features: [
              'Constant pressure at every tap regardless of how many are open.',
              'Pump skid, valves, manifolds and panel supplied pre-wired.',
              'Dry-run protection switches the pump off when the sump is empty.',
            ],
            uses: [
              'high-rise residential buildings',
              'hotels and hospitals',
              'factory utility water',
              'washing plants',
            ],
            warranty: true,
            priceOnRequest: 0.12,
          },
        ],
      },
    ],
  },
  {
    slug: 'valves',
    name: 'Industrial Valves',
    description: 'Isolation, control, non-return and safety valves for water, steam, oil and gas lines.',
    sellerWords: ['Valves', 'Flow Controls', 'Valve Industries', 'Engineers', 'Flowtech'],
    subcategories: [
      {
        slug: 'ball-valves',
        name: 'Ball Valves',
        description: 'Quarter-turn ball valves in brass, cast steel and stainless steel.',
        templates: [
          {
            kinds: ['Ball Valve', 'Two Piece Ball Valve', 'Three Piece Ball Valve', 'Full Bore Ball Valve'],
            specs: [
              { name: 'Size', values: pipeSizes, size: true },
              {
                name: 'Body Material',
                values: ['Forged Brass*0.8', 'Cast Iron', 'Cast Steel WCB*1.4', 'SS 304*1.9', 'SS 316*2.3'],
              },
              { name: 'End Connection', values: ['Screwed (BSP)', 'Flanged*1.3', 'Socket Weld*1.1'] },
              { name: 'Pressure Rating', values: ['PN 16', 'PN 25', 'Class 150', 'Class 300*1.3'] },
              {
                name: 'Operation',
                values: ['Lever', 'Gear Operated*1.4', 'Pneumatic Actuated*2.6'],
                optional: true,
              },
              { name: 'Seat', values: ['PTFE', 'Glass Filled PTFE'], optional: true },
            ],
            titles: [
              '{Body Material} {kind} {Size}',
              '{kind} {Size}, {End Connection}',
              '{Size} {Body Material} {kind}, {Pressure Rating}',
            ],
            units: [['piece', [5, 10, 25, 50], 1]],
            price: [260, 62000],
            features: [
              'Blow-out proof stem with anti-static device.',
              'Every valve is shell and seat tested as per API 598.',
              'Smooth quarter-turn operation with a positive stop.',
            ],
            uses: [
              'water and compressed air lines',
              'oil and gas pipelines',
              'chemical process lines',
              'utility headers in factories',
            ],
          },
        ],
      },
      {
        slug: 'gate-globe-valves',
        name: 'Gate & Globe Valves',
        description: 'Multi-turn valves for full isolation and throttling service.',
        templates: [
          {
            kinds: ['Gate Valve', 'Globe Valve', 'Rising Stem Gate Valve', 'Sluice Valve'],
            specs: [
              { name: 'Size', values: flangedSizes, size: true },
              { name: 'Body Material', values: valveBodies },
              { name: 'Pressure Rating', values: ['PN 10', 'PN 16', 'Class 150', 'Class 300*1.4'] },
              { name: 'Standard', values: ['IS 14846', 'API 600*1.3', 'BS 5163', 'IS 780'] },
              { name: 'Trim', values: ['13% Chrome', 'SS 304', 'Bronze'], optional: true },
            ],
            titles: ['{Body Material} {kind} {Size}', '{kind} {Size}, {Pressure Rating}', '{Size} {kind}'],
            units: [['piece', [1, 5, 10], 1]],
            price: [1200, 145000],
            features: [
              'Bolted bonnet with renewable seat rings.',
              'Hand wheel of cast iron with a clear open and close marking.',
              'Radiographic testing of castings is available on request.',
            ],
            uses: [
              'water distribution mains',
              'steam and condensate lines',
              'refinery and petrochemical service',
              'fire fighting lines',
            ],
            priceOnRequest: 0.1,
          },
        ],
      },
      {
        slug: 'butterfly-valves',
        name: 'Butterfly Valves',
        description: 'Wafer and lug butterfly valves for large-diameter water and air lines.',
        templates: [
          {
            kinds: [
              'Wafer Type Butterfly Valve',
              'Lug Type Butterfly Valve',
              'Double Flanged Butterfly Valve',
            ],
            specs: [
              {
                name: 'Size',
                values: ['DN 50', 'DN 80', 'DN 100', 'DN 150', 'DN 200', 'DN 300', 'DN 400', 'DN 600'],
                size: true,
              },
              { name: 'Body', values: ['Cast Iron', 'Ductile Iron*1.2', 'WCB*1.5', 'SS 304*2'] },
              { name: 'Disc', values: ['SS 304', 'Nylon Coated DI', 'CF8M'] },
              { name: 'Seat', values: ['EPDM', 'Nitrile', 'FKM*1.2', 'PTFE*1.3'] },
              {
                name: 'Operation',
                values: ['Lever', 'Gear Box*1.3', 'Pneumatic Actuator*2.2', 'Electric Actuator*3'],
              },
            ],
            titles: ['{kind} {Size}', '{Size} {kind}, {Operation}', '{Body} {kind} with {Seat} Seat'],
            units: [['piece', [1, 5, 10], 1]],
            price: [1600, 115000],
            features: [
              'Replaceable liner gives bubble-tight shut-off.',
              'Compact face-to-face length saves space and weight in the line.',
              'Fits between PN 10 and PN 16 flanges.',
            ],
            uses: [
              'water treatment plants',
              'HVAC chilled water lines',
              'cement and bulk powder handling',
              'cooling water circuits',
            ],
          },
        ],
      },
      {
        slug: 'check-valves',
        name: 'Check & Non-Return Valves',
        description: 'Swing, lift and dual-plate valves that stop reverse flow.',
        templates: [
          {
            kinds: [
              'Swing Check Valve',
              'Dual Plate Check Valve',
              'Lift Check Valve',
              'Non-Return Valve',
              'Foot Valve',
            ],
            specs: [
              {
                name: 'Size',
                values: ['1/2"', '1"', '2"', 'DN 65', 'DN 80', 'DN 100', 'DN 150', 'DN 200', 'DN 300'],
                size: true,
              },
              { name: 'Body Material', values: valveBodies },
              { name: 'End Connection', values: ['Flanged', 'Wafer', 'Screwed'] },
              { name: 'Pressure Rating', values: ['PN 16', 'Class 150', 'Class 300*1.3'] },
            ],
            titles: ['{kind} {Size}', '{Body Material} {kind}, {Size}', '{Size} {kind}, {End Connection}'],
            units: [['piece', [1, 5, 10, 25], 1]],
            price: [450, 98000],
            features: [
              'Spring-assisted plates close fast and prevent water hammer.',
              'Suitable for horizontal and vertical upward flow.',
              'Hinge pins of stainless steel for long service life.',
            ],
            uses: [
              'pump discharge lines',
              'boiler feed water',
              'process water networks',
              'compressor outlets',
            ],
          },
        ],
      },
      {
        slug: 'safety-relief-valves',
        name: 'Safety & Relief Valves',
        description: 'Spring-loaded valves that protect boilers, vessels and lines from over-pressure.',
        templates: [
          {
            kinds: [
              'Spring Loaded Safety Valve',
              'Pressure Relief Valve',
              'Pressure Reducing Valve',
              'Thermal Relief Valve',
            ],
            specs: [
              {
                name: 'Inlet x Outlet',
                values: ['1/2" x 3/4"', '3/4" x 1"', '1" x 1 1/2"', '1 1/2" x 2"', '2" x 3"', '3" x 4"'],
                size: true,
              },
              {
                name: 'Set Pressure',
                values: ['3.5 kg/cm2', '7 kg/cm2', '10.5 kg/cm2', '17.5 kg/cm2', '21 kg/cm2'],
              },
              { name: 'Body', values: ['Gunmetal', 'Cast Steel*1.3', 'SS 316*1.9'] },
              { name: 'Service', values: ['Steam', 'Air and Gas', 'Liquid'] },
              { name: 'Certification', values: ['IBR Approved*1.3', 'ASME Sec VIII'], optional: true },
            ],
            titles: [
              '{kind} {Inlet x Outlet}',
              '{Body} {kind} for {Service}',
              '{kind}, Set at {Set Pressure}',
            ],
            units: [['piece', [1, 2, 5], 1]],
            price: [1800, 68000],
            features: [
              'Each valve is set and sealed on our test bench; a calibration report comes with it.',
              'Easing lever lets the operator check that the valve lifts.',
              'Full-nozzle design for accurate popping and reseating.',
            ],
            uses: [
              'steam boilers',
              'air receivers and compressors',
              'pressure vessels',
              'LPG and gas trains',
            ],
          },
        ],
      },
      {
        slug: 'solenoid-valves',
        name: 'Solenoid Valves',
        description: 'Electrically operated valves for automation of water, air, steam and gas.',
        templates: [
          {
            kinds: [
              '2/2 Way Solenoid Valve',
              'Direct Acting Solenoid Valve',
              'Pilot Operated Solenoid Valve',
              '5/2 Way Pneumatic Solenoid Valve',
            ],
            specs: [
              { name: 'Port Size', values: ['1/4"', '1/2"', '3/4"', '1"', '1 1/2"', '2"'], size: true },
              { name: 'Coil Voltage', values: ['24 V DC', '230 V AC', '110 V AC'] },
              { name: 'Body', values: ['Brass', 'SS 304*2', 'Aluminium*0.9'] },
              { name: 'Position', values: ['Normally Closed', 'Normally Open*1.1'] },
              { name: 'Media', values: ['Water', 'Air', 'Steam*1.5', 'Diesel'], optional: true },
            ],
            titles: ['{kind} {Port Size}, {Coil Voltage}', '{Body} {kind} {Port Size}', '{Position} {kind}'],
            units: [['piece', [5, 10, 25], 1]],
            price: [650, 18500],
            features: [
              'Class H encapsulated coil rated for continuous duty.',
              'IP65 DIN connector with LED indication.',
              'Manual override for commissioning and maintenance.',
            ],
            uses: [
              'RO and water purifiers',
              'compressed air automation',
              'boiler and steam lines',
              'washing and process machinery',
            ],
          },
        ],
      },
      {
        slug: 'instrumentation-valves',
        name: 'Instrumentation Valves & Manifolds',
        description: 'Needle valves, manifolds and tube fittings for gauges and transmitters.',
        templates: [
          {
            kinds: [
              'Needle Valve',
              'Two Valve Manifold',
              'Three Valve Manifold',
              'Five Valve Manifold',
              'Gauge Root Valve',
            ],
            specs: [
              {
                name: 'Connection',
                values: ['1/4" NPT', '1/2" NPT', '1/4" OD Tube', '1/2" OD Tube'],
                size: true,
              },
              { name: 'Material', values: ['SS 316', 'SS 304*0.85', 'Alloy 400*3.2', 'Carbon Steel*0.7'] },
              { name: 'Pressure Rating', values: ['6000 psi', '10000 psi*1.3'] },
              { name: 'Packing', values: ['PTFE', 'Graphite*1.1'], optional: true },
            ],
            titles: ['{Material} {kind} {Connection}', '{kind}, {Pressure Rating}', '{kind} {Connection}'],
            units: [['piece', [5, 10, 25], 1]],
            price: [850, 14000],
            features: [
              'Bar stock body, every piece hydro-tested.',
              'Non-rotating stem tip for repeatable shut-off.',
              'Panel-mounting nut and dust cap supplied.',
            ],
            uses: [
              'pressure gauges and transmitters',
              'oil and gas skids',
              'hydraulic test benches',
              'analyser systems',
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'bearings',
    name: 'Bearings',
    description: 'Ball, roller and mounted bearings for motors, gearboxes, conveyors and machine tools.',
    sellerWords: ['Bearing House', 'Bearing Co.', 'Bearings', 'Bearing Centre', 'Industrial Supplies'],
    subcategories: [
      {
        slug: 'deep-groove-ball-bearings',
        name: 'Deep Groove Ball Bearings',
        description: 'The most common rolling bearing, in open, shielded and sealed versions.',
        templates: [
          {
            kinds: ['Deep Groove Ball Bearing'],
            specs: [
              {
                name: ['Bearing Number', 'Bore', 'Outer Diameter', 'Width'],
                values: [
                  '6000|10 mm|26 mm|8 mm',
                  '6002|15 mm|32 mm|9 mm',
                  '6004|20 mm|42 mm|12 mm',
                  '6005|25 mm|47 mm|12 mm',
                  '6200|10 mm|30 mm|9 mm',
                  '6201|12 mm|32 mm|10 mm',
                  '6202|15 mm|35 mm|11 mm',
                  '6203|17 mm|40 mm|12 mm',
                  '6204|20 mm|47 mm|14 mm',
                  '6205|25 mm|52 mm|15 mm',
                  '6206|30 mm|62 mm|16 mm',
                  '6207|35 mm|72 mm|17 mm',
                  '6208|40 mm|80 mm|18 mm',
                  '6209|45 mm|85 mm|19 mm',
                  '6210|50 mm|90 mm|20 mm',
                  '6305|25 mm|62 mm|17 mm',
                  '6306|30 mm|72 mm|19 mm',
                  '6308|40 mm|90 mm|23 mm',
                  '6310|50 mm|110 mm|27 mm',
                  '6312|60 mm|130 mm|31 mm',
                ],
                size: true,
              },
              { name: 'Sealing', values: ['Open', 'ZZ (Metal Shields)', '2RS (Rubber Seals)*1.1'] },
              { name: 'Clearance', values: ['C0 (Normal)', 'C3*1.1'], optional: true },
            ],
            titles: [
              '{Bearing Number} {Sealing} {kind}',
              '{kind} {Bearing Number}, {Bore} Bore',
              '{Bearing Number} {kind}, {Clearance}',
            ],
            units: [
              ['piece', [10, 20, 50, 100], 1],
              ['box of 10', [1, 5, 10], 9.5],
            ],
            price: [42, 1450],
            features: [
              'Made from through-hardened chrome steel (52100) for long fatigue life.',
              'Low-noise grade, checked on an anderon meter before packing.',
              'Factory-filled with lithium grease in sealed versions.',
              'Supplied in individual boxes with rust-preventive oil.',
            ],
            uses: [
              'electric motors',
              'pumps and fans',
              'two-wheeler and auto parts',
              'textile and agricultural machinery',
            ],
          },
        ],
      },
      {
        slug: 'taper-roller-bearings',
        name: 'Taper Roller Bearings',
        description: 'Bearings that carry combined radial and axial loads in wheels and gearboxes.',
        templates: [
          {
            kinds: ['Taper Roller Bearing'],
            specs: [
              {
                name: ['Bearing Number', 'Bore', 'Outer Diameter', 'Width'],
                values: [
                  '30203|17 mm|40 mm|13.25 mm',
                  '30204|20 mm|47 mm|15.25 mm',
                  '30205|25 mm|52 mm|16.25 mm',
                  '30206|30 mm|62 mm|17.25 mm',
                  '30207|35 mm|72 mm|18.25 mm',
                  '30208|40 mm|80 mm|19.75 mm',
                  '30210|50 mm|90 mm|21.75 mm',
                  '32210|50 mm|90 mm|24.75 mm',
                  '30308|40 mm|90 mm|25.25 mm',
                  '32212|60 mm|110 mm|29.75 mm',
                  '32216|80 mm|140 mm|35.25 mm',
                ],
                size: true,
              },
              { name: 'Material', values: ['Case Carburised Steel*1.1', 'Chrome Steel'] },
              { name: 'Cage', values: ['Pressed Steel'], optional: true },
            ],
            titles: [
              '{Bearing Number} {kind}',
              '{kind} {Bearing Number}, {Bore} x {Outer Diameter}',
              '{Material} {kind} {Bearing Number}',
            ],
            units: [['piece', [10, 20, 50], 1]],
            price: [185, 2600],
            features: [
              'Cone and cup are interchangeable with standard metric bearings.',
              'Logarithmic roller profile spreads load and reduces edge stress.',
              'Ground raceways and rollers for smooth running.',
            ],
            uses: [
              'tractor and truck wheels',
              'gearboxes',
              'machine tool spindles',
              'construction equipment',
            ],
          },
        ],
      },
      {
        slug: 'spherical-cylindrical-roller-bearings',
        name: 'Spherical & Cylindrical Roller Bearings',
        description: 'High-capacity roller bearings for crushers, vibrating screens and heavy gearboxes.',
        templates: [
          {
            kinds: ['Spherical Roller Bearing', 'Cylindrical Roller Bearing'],
            specs: [
              {
                name: ['Bearing Number', 'Bore', 'Outer Diameter', 'Width'],
                values: [
                  'NU 205|25 mm|52 mm|15 mm',
                  'NU 206|30 mm|62 mm|16 mm',
                  'NU 208|40 mm|80 mm|18 mm',
                  'NU 210|50 mm|90 mm|20 mm',
                  '22210 E|50 mm|90 mm|23 mm',
                  'NU 310|50 mm|110 mm|27 mm',
                  '22212 E|60 mm|110 mm|28 mm',
                  '22310 E|50 mm|110 mm|40 mm',
                  '22215 E|75 mm|130 mm|31 mm',
                  '22218 E|90 mm|160 mm|40 mm',
                  '22220 E|100 mm|180 mm|46 mm',
                  '22320 E|100 mm|215 mm|73 mm',
                ],
                size: true,
              },
              { name: 'Cage', values: ['Pressed Steel', 'Machined Brass*1.4', 'Polyamide'] },
              { name: 'Clearance', values: ['C0', 'C3*1.1', 'C4*1.2'], optional: true },
            ],
            titles: [
              '{kind} {Bearing Number}',
              '{Bearing Number} {kind}, {Cage} Cage',
              '{kind} {Bearing Number} {Clearance}',
            ],
            units: [['piece', [2, 5, 10], 1]],
            price: [650, 34000],
            features: [
              'Self-aligning design tolerates shaft deflection and misalignment.',
              'Lubrication groove and holes in the outer ring.',
              'Heat stabilised for operating temperatures up to 200 °C.',
            ],
            uses: [
              'crushers and vibrating screens',
              'paper and steel mills',
              'heavy gearboxes',
              'large electric motors',
            ],
          },
        ],
      },
      {
        slug: 'pillow-block-bearings',
        name: 'Pillow Block & Flange Units',
        description: 'Ready-to-fit bearing units in cast iron housings for conveyors and shafts.',
        templates: [
          {
            kinds: [
              'Pillow Block Bearing',
              'Square Flange Bearing Unit',
              'Plummer Block',
              'Take-Up Bearing Unit',
            ],
            specs: [
              {
                name: ['Unit Number', 'Shaft Size'],
                values: [
                  'UCP 204|20 mm',
                  'UCP 205|25 mm',
                  'UCP 206|30 mm',
                  'UCP 207|35 mm',
                  'UCP 208|40 mm',
                  'UCP 210|50 mm',
                  'UCP 212|60 mm',
                  'UCP 215|75 mm',
                ],
                size: true,
              },
              { name: 'Housing', values: ['Cast Iron', 'SS 304*3', 'Thermoplastic*1.4'] },
              { name: 'Insert Bearing', values: ['UC Set Screw Type', 'UK Adapter Sleeve Type*1.2'] },
              { name: 'Lubrication', values: ['Grease Nipple', 'Pre-lubricated'], optional: true },
            ],
            titles: [
              '{kind} {Unit Number}',
              '{Housing} {kind} for {Shaft Size} Shaft',
              '{Unit Number} {kind}',
            ],
            units: [['piece', [5, 10, 25], 1]],
            price: [260, 3800],
            features: [
              'Spherical outer ring lets the insert align itself on the shaft.',
              'Grey cast iron housing with a grease nipple for relubrication.',
              'Interchangeable with standard UCP dimensions.',
            ],
            uses: ['belt conveyors', 'agricultural machinery', 'fans and blowers', 'food processing lines'],
          },
        ],
      },
      {
        slug: 'thrust-needle-bearings',
        name: 'Thrust & Needle Bearings',
        description: 'Axial-load ball bearings and compact needle roller bearings.',
        templates: [
          {
            kinds: ['Thrust Ball Bearing', 'Needle Roller Bearing'],
            specs: [
              {
                name: ['Bearing Number', 'Bore', 'Outer Diameter', 'Height'],
                values: [
                  'HK 1516|15 mm|21 mm|16 mm',
                  'HK 2020|20 mm|26 mm|20 mm',
                  '51105|25 mm|42 mm|11 mm',
                  '51106|30 mm|47 mm|11 mm',
                  '51107|35 mm|52 mm|12 mm',
                  '51108|40 mm|60 mm|13 mm',
                  '51110|50 mm|70 mm|14 mm',
                  '51205|25 mm|47 mm|15 mm',
                  '51210|50 mm|78 mm|22 mm',
                  '51310|50 mm|95 mm|31 mm',
                ],
                size: true,
              },
              { name: 'Direction', values: ['Single Direction', 'Double Direction*1.5'] },
              { name: 'Material', values: ['Chrome Steel', 'SS 440C*2.4'] },
            ],
            titles: [
              '{Bearing Number} {kind}',
              '{kind} {Bearing Number}, {Bore} Bore',
              '{Material} {kind} {Bearing Number}',
            ],
            units: [['piece', [10, 25, 50], 1]],
            price: [70, 1900],
            features: [
              'Precision ground washers for even load sharing between balls.',
              'Separable design makes mounting simple.',
              'Dimensional inspection report available for bulk orders.',
            ],
            uses: [
              'machine tool tables',
              'crane hooks and swivels',
              'automotive gearboxes',
              'vertical pumps',
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'pipes-fittings',
    name: 'Pipes, Tubes & Fittings',
    description: 'Steel, plastic and hose piping with the fittings and flanges to join it.',
    sellerWords: [
      'Tubes',
      'Pipe Fittings',
      'Steel Traders',
      'Tubes & Fittings',
      'Metals',
      'Piping Solutions',
    ],
    subcategories: [
      {
        slug: 'ms-gi-pipes',
        name: 'MS & GI Pipes',
        description: 'ERW mild steel and galvanised pipes to IS 1239 and IS 3589.',
        templates: [
          {
            kinds: ['MS ERW Pipe', 'GI Pipe', 'MS Black Pipe', 'Seamless Carbon Steel Pipe'],
            specs: [
              {
                name: 'Nominal Bore',
                values: [
                  '15 NB',
                  '20 NB',
                  '25 NB',
                  '32 NB',
                  '40 NB',
                  '50 NB',
                  '65 NB',
                  '80 NB',
                  '100 NB',
                  '150 NB',
                  '200 NB',
                ],
                size: true,
              },
              { name: 'Class', values: ['Light (A)', 'Medium (B)*1.15', 'Heavy (C)*1.35'] },
              { name: 'Standard', values: ['IS 1239 Part 1', 'IS 3589', 'ASTM A106 Gr. B*1.5'] },
              { name: 'Length', values: ['6 m', '5.8 m'] },
              { name: 'Ends', values: ['Plain', 'Screwed and Socketed*1.05', 'Bevelled'], optional: true },
            ],
            titles: [
              '{kind} {Nominal Bore} {Class}',
              '{Nominal Bore} {kind}, {Standard}',
              '{kind}, {Nominal Bore}, {Length} Length',
            ],
            units: [
              ['metre', [60, 120, 300], 1],
              ['piece', [10, 20, 50], 6],
            ],
            price: [85, 2900],
            features: [
              'Mill test certificate supplied with every lot.',
              'Hydro-tested and eddy-current tested for weld integrity.',
              'Zinc coating of at least 400 g/m2 on galvanised pipes.',
            ],
            uses: [
              'water supply and plumbing',
              'structural and fabrication work',
              'fire fighting networks',
              'compressed air lines',
            ],
          },
        ],
      },
      {
        slug: 'stainless-steel-pipes',
        name: 'Stainless Steel Pipes & Tubes',
        description: 'Welded and seamless stainless pipes and tubes for process and dairy lines.',
        templates: [
          {
            kinds: [
              'Stainless Steel Seamless Pipe',
              'Stainless Steel Welded Pipe',
              'Dairy Tube',
              'Heat Exchanger Tube',
            ],
            specs: [
              {
                name: 'Size',
                values: ['1/2" NB', '3/4" NB', '1" NB', '1 1/2" NB', '2" NB', '3" NB', '4" NB', '6" NB'],
                size: true,
              },
              {
                name: 'Grade',
                values: ['SS 304', 'SS 304L*1.05', 'SS 316*1.3', 'SS 316L*1.35', 'Duplex 2205*1.8'],
              },
              { name: 'Schedule', values: ['Sch 10', 'Sch 40*1.4', 'Sch 80*1.9'] },
              { name: 'Finish', values: ['Pickled', 'Bright Annealed*1.1', 'Mirror Polished*1.3'] },
              { name: 'Standard', values: ['ASTM A312', 'ASTM A269', 'ASTM A213'], optional: true },
            ],
            titles: ['{Grade} {kind} {Size}', '{kind} {Size} {Schedule}', '{Grade} {kind}, {Finish}'],
            units: [
              ['metre', [12, 30, 60], 1],
              ['kg', [100, 250, 500], 0.45],
            ],
            price: [320, 9800],
            features: [
              'Heat number marked on every length for traceability.',
              'PMI tested; EN 10204 3.1 certificates supplied.',
              'Cut-to-length service available.',
            ],
            uses: [
              'dairy and food plants',
              'pharma process lines',
              'chemical plants',
              'heat exchangers and boilers',
            ],
          },
        ],
      },
      {
        slug: 'hdpe-pvc-pipes',
        name: 'HDPE, uPVC & CPVC Pipes',
        description: 'Plastic pressure pipes for water, irrigation, plumbing and cable ducting.',
        templates: [
          {
            kinds: ['HDPE Pipe', 'uPVC Pressure Pipe', 'CPVC Pipe', 'PVC Column Pipe'],
            specs: [
              {
                name: 'Outer Diameter',
                values: ['20 mm', '25 mm', '32 mm', '40 mm', '63 mm', '90 mm', '110 mm', '160 mm', '250 mm'],
                size: true,
              },
              { name: 'Pressure Class', values: ['PN 4', 'PN 6', 'PN 10*1.3', 'PN 16*1.6'] },
              { name: 'Material Grade', values: ['PE 100', 'PE 80*0.9', 'uPVC', 'CPVC SDR 11*1.5'] },
              { name: 'Standard', values: ['IS 4984', 'IS 4985', 'IS 15778'] },
              { name: 'Supplied As', values: ['6 m Length', '100 m Coil'], optional: true },
            ],
            titles: [
              '{kind} {Outer Diameter} {Pressure Class}',
              '{Material Grade} {kind}, {Outer Diameter}',
              '{Outer Diameter} {kind}',
            ],
            units: [
              ['metre', [100, 300, 500], 1],
              ['kg', [100, 500], 4.5],
            ],
            price: [22, 1600],
            features: [
              'Made from virgin, UV-stabilised compound.',
              'Butt-fusion and electrofusion jointing possible on HDPE.',
              'BIS-marked pipes with batch printing every metre.',
            ],
            uses: [
              'drinking water supply',
              'drip and sprinkler irrigation',
              'building plumbing',
              'borewell column lines',
            ],
          },
        ],
      },
      {
        slug: 'buttweld-fittings',
        name: 'Buttweld & Forged Fittings',
        description: 'Elbows, tees, reducers and caps in carbon steel and stainless steel.',
        templates: [
          {
            kinds: [
              'Buttweld Elbow',
              'Equal Tee',
              'Concentric Reducer',
              'Forged Socket Weld Elbow',
              'Pipe Cap',
            ],
            specs: [
              {
                name: 'Size',
                values: ['1/2"', '1"', '1 1/2"', '2"', '3"', '4"', '6"', '8"', '10"', '12"'],
                size: true,
              },
              {
                name: 'Material',
                values: ['Carbon Steel A234 WPB', 'SS 304*2.6', 'SS 316*3.2', 'Alloy Steel WP11*2'],
              },
              { name: 'Schedule', values: ['Sch 40', 'Sch 80*1.4', 'Sch 10'] },
              { name: 'Standard', values: ['ASME B16.9', 'ASME B16.11'] },
            ],
            titles: ['{Material} {kind} {Size}', '{kind} {Size} {Schedule}', '{Size} {kind}, {Standard}'],
            units: [['piece', [10, 25, 50, 100], 1]],
            price: [45, 6800],
            features: [
              'Seamless fittings formed from pipe, normalised after forming.',
              'Bevel ends machined for a clean weld preparation.',
              'Third-party inspection by any agency on request.',
            ],
            uses: [
              'refinery and power piping',
              'process plant fabrication',
              'fire hydrant networks',
              'oil and gas skids',
            ],
          },
        ],
      },
      {
        slug: 'pipe-flanges',
        name: 'Flanges',
        description: 'Slip-on, weld-neck, blind and plate flanges to ASME and IS standards.',
        templates: [
          {
            kinds: [
              'Slip-On Flange',
              'Weld Neck Flange',
              'Blind Flange',
              'Plate Flange',
              'Socket Weld Flange',
            ],
            specs: [
              { name: 'Size', values: ['1/2"', '1"', '2"', '3"', '4"', '6"', '8"', '12"'], size: true },
              {
                name: 'Material',
                values: ['Carbon Steel A105', 'MS IS 2062*0.8', 'SS 304*2.7', 'SS 316*3.3'],
              },
              { name: 'Class', values: ['150#', '300#*1.4', '600#*2.2', 'PN 16', 'Table D*0.9'] },
              { name: 'Face', values: ['Raised Face', 'Flat Face', 'RTJ*1.3'] },
            ],
            titles: ['{kind} {Size} {Class}', '{Material} {kind}, {Size}', '{Size} {Class} {kind}, {Face}'],
            units: [['piece', [10, 25, 50], 1]],
            price: [120, 14500],
            features: [
              'Forged, machined and drilled to ASME B16.5 dimensions.',
              'Rust-preventive coated and packed on pallets.',
              'Dimension and hardness report with every consignment.',
            ],
            uses: ['process piping', 'pump and valve connections', 'water treatment plants', 'tank nozzles'],
          },
        ],
      },
      {
        slug: 'hydraulic-hoses',
        name: 'Hydraulic Hoses & Fittings',
        description: 'Wire-braided hoses, crimped assemblies and hydraulic adaptors.',
        templates: [
          {
            kinds: ['Hydraulic Hose', 'Crimped Hydraulic Hose Assembly', 'Industrial Rubber Hose'],
            specs: [
              {
                name: 'Hose Size',
                values: ['1/4"', '3/8"', '1/2"', '3/4"', '1"', '1 1/4"', '1 1/2"', '2"'],
                size: true,
              },
              {
                name: 'Construction',
                values: [
                  '1 Wire Braid (R1)',
                  '2 Wire Braid (R2)*1.3',
                  '4 Spiral (4SH)*2.2',
                  'Textile Braided*0.6',
                ],
              },
              { name: 'Working Pressure', values: ['90 bar', '160 bar', '250 bar', '350 bar'] },
              { name: 'Standard', values: ['SAE 100 R1AT', 'SAE 100 R2AT', 'EN 853'] },
              { name: 'End Fittings', values: ['JIC Female', 'BSP Female', 'ORFS Female'], optional: true },
            ],
            titles: [
              '{kind} {Hose Size} {Construction}',
              '{Hose Size} {kind}, {Working Pressure}',
              '{kind}, {Standard}',
            ],
            units: [
              ['metre', [25, 50, 100], 1],
              ['piece', [5, 10, 20], 3.2],
            ],
            price: [95, 2400],
            features: [
              'Oil-resistant nitrile tube with an abrasion-resistant cover.',
              'Assemblies are crimped on calibrated machines and pressure tested.',
              'Layline printed with size, pressure and batch.',
            ],
            uses: ['earthmoving equipment', 'hydraulic presses', 'machine tools', 'tractors and tippers'],
          },
        ],
      },
    ],
  },
  {
    slug: 'compressors',
    name: 'Air Compressors',
    description: 'Reciprocating and screw compressors with dryers, receivers and spares.',
    sellerWords: ['Air Systems', 'Compressors', 'Pneumatics', 'Air Tech', 'Engineering Works'],
    subcategories: [
      {
        slug: 'reciprocating-air-compressors',
        name: 'Reciprocating Air Compressors',
        description: 'Piston compressors with tank for workshops, garages and small plants.',
        templates: [
          {
            kinds: [
              'Reciprocating Air Compressor',
              'Two Stage Air Compressor',
              'Tank Mounted Air Compressor',
            ],
            specs: [
              {
                name: 'Power',
                values: ['1 HP', '2 HP', '3 HP', '5 HP', '7.5 HP', '10 HP', '15 HP', '20 HP'],
                size: true,
              },
              {
                name: 'Tank Capacity',
                values: ['50 L', '100 L', '160 L', '220 L', '300 L', '500 L'],
                follows: true,
              },
              { name: 'Working Pressure', values: ['8 bar', '10 bar', '12 bar*1.1'] },
              {
                name: 'Free Air Delivery',
                values: ['5 CFM', '8 CFM', '14 CFM', '20 CFM', '35 CFM', '50 CFM', '70 CFM'],
                follows: true,
              },
              { name: 'Cooling', values: ['Air Cooled'], optional: true },
            ],
            titles: [
              '{Power} {kind}',
              '{kind} {Power} with {Tank Capacity} Tank',
              '{kind}, {Free Air Delivery}',
            ],
            units: [['piece', [1, 2], 1]],
            price: [14500, 285000],
            features: [
              'Cast iron cylinders and valve plates of Swedish steel.',
              'Automatic pressure switch, safety valve and gauge fitted.',
              'Tank hydro-tested and certified.',
            ],
            uses: [
              'automobile service stations',
              'tyre shops and paint booths',
              'fabrication workshops',
              'small manufacturing units',
            ],
            warranty: true,
          },
        ],
      },
      {
        slug: 'screw-air-compressors',
        name: 'Screw Air Compressors',
        description: 'Rotary screw compressors for continuous duty in plants.',
        templates: [
          {
            kinds: ['Rotary Screw Air Compressor', 'VFD Screw Compressor', 'Oil-Free Screw Compressor'],
            specs: [
              {
                name: 'Power',
                values: ['7.5 kW', '11 kW', '15 kW', '22 kW', '37 kW', '55 kW', '75 kW', '110 kW'],
                size: true,
              },
              {
                name: 'Free Air Delivery',
                values: ['40 CFM', '60 CFM', '85 CFM', '125 CFM', '220 CFM', '330 CFM', '450 CFM', '650 CFM'],
                follows: true,
              },
              { name: 'Working Pressure', values: ['7.5 bar', '8.5 bar', '10 bar', '13 bar'] },
              { name: 'Drive', values: ['Belt Drive', 'Direct Drive*1.1', 'Gear Drive*1.15'] },
              { name: 'Dryer', values: ['Without Dryer', 'Integrated Dryer*1.15'], optional: true },
            ],
            titles: [
              '{kind} {Power}',
              '{Power} {kind}, {Free Air Delivery}',
              '{kind} {Free Air Delivery} at {Working Pressure}',
            ],
            units: [['piece', [1], 1]],
            price: [245000, 2900000],
            features: [
              'Energy-efficient IE3 motor; VFD models save power at part load.',
              'Microprocessor controller shows pressure, temperature and service hours.',
              'Low-noise canopy suitable for installation inside the plant.',
            ],
            uses: [
              'textile and garment units',
              'pharmaceutical plants',
              'plastic moulding shops',
              'food and beverage plants',
            ],
            warranty: true,
            priceOnRequest: 0.3,
          },
        ],
      },
      {
        slug: 'air-dryers-receivers',
        name: 'Air Dryers & Receivers',
        description: 'Refrigerated and desiccant dryers, air receivers and line filters.',
        templates: [
          {
            kinds: [
              'Refrigerated Air Dryer',
              'Heatless Desiccant Air Dryer',
              'Heat of Compression Air Dryer',
            ],
            specs: [
              {
                name: 'Capacity',
                values: ['25 CFM', '50 CFM', '100 CFM', '200 CFM', '400 CFM', '800 CFM'],
                size: true,
              },
              { name: 'Pressure Dew Point', values: ['+3 °C', '-20 °C*1.4', '-40 °C*1.7'] },
              { name: 'Working Pressure', values: ['10 bar', '16 bar*1.2'] },
              { name: 'Connection', values: ['1/2"', '1"', '1 1/2"', '2"', 'DN 80 Flanged'], follows: true },
            ],
            titles: [
              '{kind} {Capacity}',
              '{Capacity} {kind}, {Pressure Dew Point} PDP',
              '{kind}, {Working Pressure}',
            ],
            units: [['piece', [1, 2], 1]],
            price: [38000, 520000],
            features: [
              'Removes moisture and oil carry-over that damages pneumatic tools.',
              'Zero-loss auto drain valve included.',
              'Dew point indicator and alarm on the control panel.',
            ],
            uses: [
              'instrument air',
              'spray painting',
              'packaging and pneumatic automation',
              'pharma and food packaging',
            ],
            warranty: true,
            priceOnRequest: 0.15,
          },
          {
            kinds: ['Air Receiver Tank', 'Vertical Air Receiver', 'Horizontal Air Receiver'],
            specs: [
              {
                name: 'Capacity',
                values: ['100 L', '250 L', '500 L', '1000 L', '2000 L', '5000 L'],
                size: true,
              },
              { name: 'Working Pressure', values: ['10 bar', '12 bar*1.1', '16 bar*1.3'] },
              { name: 'Material', values: ['Carbon Steel IS 2062', 'SA 516 Gr. 70*1.3', 'SS 304*2.8'] },
              { name: 'Design Code', values: ['IS 2825', 'ASME Sec VIII Div 1*1.2'] },
            ],
            titles: ['{kind} {Capacity}', '{Capacity} {kind}, {Working Pressure}', '{Material} {kind}'],
            units: [['piece', [1, 2], 1]],
            price: [9500, 240000],
            features: [
              'Hydro-tested at 1.5 times the design pressure; test certificate supplied.',
              'Fitted with safety valve, pressure gauge and drain valve.',
              'Epoxy-painted inside against corrosion.',
            ],
            uses: ['compressed air storage', 'pressure stabilisation in plants', 'nitrogen and air systems'],
          },
        ],
      },
      {
        slug: 'compressor-spares',
        name: 'Compressor Spares & Filters',
        description: 'Air filter elements, oil separators, valves and service kits.',
        templates: [
          {
            kinds: [
              'Air Filter Element',
              'Oil Separator Element',
              'Oil Filter',
              'Inline Compressed Air Filter Element',
            ],
            specs: [
              {
                name: 'Suitable for',
                values: [
                  '5-11 kW Screw Compressors',
                  '15-22 kW Screw Compressors',
                  '30-45 kW Screw Compressors',
                  '55-90 kW Screw Compressors',
                ],
                size: true,
              },
              { name: 'Filtration', values: ['1 micron', '3 micron', '5 micron', '10 micron'] },
              { name: 'Media', values: ['Glass Fibre', 'Cellulose*0.7', 'Synthetic*1.2'] },
              {
                name: 'Replacement Interval',
                values: ['2,000 hours', '4,000 hours', '8,000 hours'],
                optional: true,
              },
            ],
            titles: ['{kind} for {Suitable for}', '{kind}, {Filtration}', 'Replacement {kind}, {Media}'],
            units: [['piece', [1, 5, 10], 1]],
            price: [650, 24000],
            features: [
              'Interchangeable with OEM part numbers; send your compressor model.',
              'Low pressure drop saves energy over the service interval.',
              'Packed in sealed poly bags to keep the media clean.',
            ],
            uses: ['screw compressor maintenance', 'annual maintenance contracts', 'plant spares stock'],
          },
        ],
      },
      {
        slug: 'pneumatic-cylinders-fittings',
        name: 'Pneumatic Cylinders & Fittings',
        description: 'Air cylinders, FRL units, push-in fittings and PU tubing.',
        templates: [
          {
            kinds: ['Pneumatic Cylinder', 'Compact Pneumatic Cylinder', 'Double Acting Air Cylinder'],
            specs: [
              {
                name: 'Bore',
                values: ['20 mm', '25 mm', '32 mm', '40 mm', '50 mm', '63 mm', '80 mm', '100 mm'],
                size: true,
              },
              { name: 'Stroke', values: ['25 mm', '50 mm', '100 mm', '150 mm', '200 mm', '300 mm'] },
              { name: 'Port', values: ['1/8"', '1/4"', '3/8"', '1/2"'], follows: true },
              { name: 'Barrel', values: ['Aluminium Profile', 'Aluminium Tie Rod', 'SS 304*2'] },
              { name: 'Standard', values: ['ISO 15552', 'ISO 6432', 'ISO 21287'], optional: true },
            ],
            titles: [
              '{kind} {Bore} Bore x {Stroke} Stroke',
              '{kind} {Bore} x {Stroke}',
              '{Barrel} {kind}, {Bore} Bore',
            ],
            units: [['piece', [2, 5, 10], 1]],
            price: [1100, 14500],
            features: [
              'Hard anodised barrel with adjustable cushioning at both ends.',
              'Leak-tested at 10 bar before packing.',
              'Magnetic piston for reed switches as standard.',
            ],
            uses: ['packaging machines', 'special purpose machines', 'fixtures and jigs', 'automation lines'],
          },
          {
            kinds: [
              'Push-In Fitting',
              'Pneumatic Straight Connector',
              'Pneumatic Elbow Connector',
              'PU Tube',
              'Filter Regulator Lubricator (FRL) Unit',
            ],
            specs: [
              { name: 'Tube OD', values: ['4 mm', '6 mm', '8 mm', '10 mm', '12 mm', '16 mm'], size: true },
              {
                name: 'Thread',
                values: ['M5', '1/8" BSPT', '1/4" BSPT', '3/8" BSPT', '1/2" BSPT'],
                follows: true,
              },
              { name: 'Body', values: ['Nickel Plated Brass', 'Polymer', 'SS 316*3'] },
              { name: 'Working Pressure', values: ['0 to 10 bar', '-0.95 to 10 bar'], optional: true },
            ],
            titles: ['{kind} {Tube OD}', '{kind} {Tube OD} x {Thread}', '{Body} {kind} {Tube OD}'],
            units: [
              ['piece', [25, 50, 100], 1],
              ['box of 10', [5, 10], 9],
            ],
            price: [28, 420],
            features: [
              'One-touch push-in connection with a stainless steel collet.',
              'Pre-applied thread sealant on taper threads.',
              'Interchangeable with common European makes.',
            ],
            uses: [
              'pneumatic automation panels',
              'packaging machines',
              'robotic cells',
              'air tool connections',
            ],
          },
        ],
      },
    ],
  },
]
